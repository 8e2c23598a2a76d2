// The manifest editor: a CodeEditor with the YAML lexer and YAML's two-space soft tabs.
#include "ui/editor/yaml_editor.h"

#include <Qsci/qscilexeryaml.h>

namespace manifold::ui {

YamlEditor::YamlEditor(QWidget* parent) : CodeEditor(parent) {
  auto* lexer = new QsciLexerYAML(this);
  lexer->setFoldComments(true);
  setLexer(lexer);
  setAccessibleName(tr("Manifest editor"));
  setAccessibleDescription(tr("YAML text of the connector manifest"));
}

}  // namespace manifold::ui
