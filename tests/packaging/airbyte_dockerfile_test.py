#!/usr/bin/env python3
"""Checks the contract of packaging/airbyte/Dockerfile without Docker (it cannot run here).

Usage: airbyte_dockerfile_test.py SOURCE_DIR MANIFOLD_CLI

The Debian 12 base image for every stage; a build stage installing only packages of
packaging/dev.sh and configuring without the Qt UI; a runtime stage installing exactly the
packages dpkg-shlibdeps computes for this manifold-cli (the .deb's Depends of that binary) plus
ca-certificates; ENTRYPOINT and AIRBYTE_ENTRYPOINT naming the copied CLI; the io.airbyte labels,
the version defaulting to the project's; a non-root user it creates; the connector folder
copied to the path manifold-cli reads when no manifest is named, empty by default.
"""

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def instructions(text):
    """(keyword, arguments) per instruction, continuation lines joined, comments dropped."""
    result, pending = [], ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        pending += line
        keyword, _, rest = pending.partition(" ")
        result.append((keyword.upper(), rest.strip()))
        pending = ""
    return result


def stages(parsed):
    """Global ARG defaults and one dict per stage: name, base, instructions."""
    global_args, found = {}, []
    for keyword, rest in parsed:
        if keyword == "FROM":
            words = rest.split()
            base = words[0]
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            found.append({"name": name, "base": base, "instructions": []})
        elif not found:
            if keyword == "ARG":
                name, _, default = rest.partition("=")
                global_args[name] = default
        else:
            found[-1]["instructions"].append((keyword, rest))
    return global_args, found


def expand(value, args):
    return re.sub(r"\$\{(\w+)\}", lambda m: args.get(m.group(1), ""), value)


def stage_args(stage):
    args = {}
    for keyword, rest in stage["instructions"]:
        if keyword == "ARG":
            name, _, default = rest.partition("=")
            args[name] = default
    return args


def apt_packages(stage):
    """Package names of the stage's apt-get install commands."""
    names = []
    for keyword, rest in stage["instructions"]:
        if keyword != "RUN":
            continue
        for command in re.split(r"&&|;", rest):
            words = shlex.split(command)
            while words and "=" in words[0]:  # VAR=value apt-get ...
                words.pop(0)
            if len(words) >= 2 and words[0] == "apt-get" and words[1] == "install":
                names += [w for w in words[2:] if not w.startswith("-")]
    return names


def dev_sh_packages(source_dir):
    text = open(os.path.join(source_dir, "packaging/dev.sh")).read()
    block = re.search(r"^packages=\((.*?)^\)", text, re.S | re.M)
    if not block:
        fail("packaging/dev.sh has no packages=(...) list")
        return set()
    return set(re.sub(r"#.*", "", block.group(1)).split())


def shlibdeps_packages(cli):
    """Package names dpkg-shlibdeps computes for the binary, as CPack does for the .deb."""
    with tempfile.TemporaryDirectory() as work:
        os.makedirs(os.path.join(work, "debian"))
        with open(os.path.join(work, "debian/control"), "w") as control:
            control.write("Source: manifold\n\nPackage: manifold\nArchitecture: any\n")
        out = subprocess.run(["dpkg-shlibdeps", "-O", os.path.abspath(cli)], cwd=work,
                             capture_output=True, text=True, check=True).stdout
    depends = out.split("=", 1)[1] if "=" in out else ""
    names = set()
    for entry in depends.split(","):
        first = entry.split("|")[0].strip()
        if first:
            names.add(first.split()[0].split(":")[0])
    return names


def main():
    source_dir, cli = sys.argv[1], sys.argv[2]
    dockerfile = os.path.join(source_dir, "packaging/airbyte/Dockerfile")
    global_args, found = stages(instructions(open(dockerfile).read()))

    # Base image: Debian 12 in every stage.
    if len(found) < 2:
        fail(f"expected a multi-stage build, found {len(found)} stage(s)")
        return
    for stage in found:
        base = expand(stage["base"], global_args)
        if not re.fullmatch(r"debian:(bookworm|12)(-slim)?", base):
            fail(f"stage {stage['name']} is based on {base}, not Debian 12 (bookworm)")
    build, runtime = found[0], found[-1]

    # Build stage: dev.sh's packages, no UI.
    allowed = dev_sh_packages(source_dir)
    build_packages = apt_packages(build)
    if not build_packages:
        fail("the build stage installs no packages")
    for name in build_packages:
        if name not in allowed:
            fail(f"the build stage installs {name}, which packaging/dev.sh does not list")
    build_runs = " ".join(rest for keyword, rest in build["instructions"] if keyword == "RUN")
    if "-DMANIFOLD_BUILD_UI=OFF" not in build_runs:
        fail("the build stage does not configure with -DMANIFOLD_BUILD_UI=OFF")
    if "--target manifold-cli" not in build_runs:
        fail("the build stage does not build only the manifold-cli target")

    # Runtime stage: exactly the computed Depends of manifold-cli plus ca-certificates.
    wanted = shlibdeps_packages(cli) | {"ca-certificates"}
    have = set(apt_packages(runtime))
    print("manifold-cli Depends:", " ".join(sorted(wanted)))
    print("runtime stage installs:", " ".join(sorted(have)))
    for name in sorted(wanted - have):
        fail(f"the runtime stage lacks {name}, which manifold-cli needs")
    for name in sorted(have - wanted):
        fail(f"the runtime stage installs {name}, which manifold-cli does not need")

    instr = runtime["instructions"]
    args = {**global_args, **stage_args(runtime)}
    copies = [rest for keyword, rest in instr if keyword == "COPY"]
    from_build = [c.split() for c in copies if c.startswith("--from=" + (build["name"] or "0"))]
    if len(from_build) != 1:
        fail("the runtime stage must copy exactly one file from the build stage (the CLI)")
        return
    cli_path = from_build[0][-1]
    if os.path.basename(cli_path) != "manifold-cli":
        fail(f"the runtime stage copies {cli_path}, not manifold-cli")

    # Entrypoint and AIRBYTE_ENTRYPOINT.
    entrypoints = [rest for keyword, rest in instr if keyword == "ENTRYPOINT"]
    if not entrypoints:
        fail("no ENTRYPOINT in the runtime stage")
    else:
        try:
            entry = json.loads(entrypoints[-1])
        except ValueError:
            entry = None
            fail("ENTRYPOINT is not in exec (JSON array) form")
        if entry is not None and entry != [cli_path]:
            fail(f"ENTRYPOINT is {entry}, expected [{cli_path!r}]")
    env = {}
    for keyword, rest in instr:
        if keyword == "ENV":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                env[name] = value
    if env.get("AIRBYTE_ENTRYPOINT") != cli_path:
        fail(f"AIRBYTE_ENTRYPOINT is {env.get('AIRBYTE_ENTRYPOINT')!r}, expected {cli_path!r}")

    # Labels.
    labels = {}
    for keyword, rest in instr:
        if keyword == "LABEL":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                labels[name] = expand(value, args)
    project = re.search(r"project\(Manifold\s+VERSION\s+([0-9.]+)",
                        open(os.path.join(source_dir, "CMakeLists.txt")).read())
    if not labels.get("io.airbyte.name"):
        fail("no io.airbyte.name label")
    elif not re.fullmatch(r"[a-z0-9][a-z0-9._/-]*", labels["io.airbyte.name"]):
        fail(f"io.airbyte.name {labels['io.airbyte.name']!r} is no Docker repository name")
    if not project or labels.get("io.airbyte.version") != project.group(1):
        fail(f"io.airbyte.version defaults to {labels.get('io.airbyte.version')!r}, "
             f"not the project version {project.group(1) if project else '?'}")

    # A non-root user, created in the runtime stage, set last.
    users = [rest for keyword, rest in instr if keyword == "USER"]
    if not users:
        fail("the runtime stage sets no USER: the image would run as root")
    else:
        user = users[-1].split(":")[0]
        if user in ("root", "0"):
            fail("the runtime stage runs as root")
        runs = " ".join(rest for keyword, rest in instr if keyword == "RUN")
        if not re.search(r"useradd\b[^&;]*\b" + re.escape(user) + r"\b", runs):
            fail(f"the runtime stage does not create the user {user}")
        last_user = max(i for i, (k, _) in enumerate(instr) if k == "USER")
        if any(k == "RUN" for k, _ in instr[last_user:]):
            fail("a RUN follows the last USER")

    # The connector folder goes where manifold-cli looks when no manifest is named.
    env_without_override = {k: v for k, v in os.environ.items() if k != "MANIFOLD_CONNECTOR_DIR"}
    help_text = subprocess.run([cli, "read", "--help"], capture_output=True, text=True,
                               env=env_without_override).stdout
    named = re.search(r"else (/\S+)/manifest\.yaml", help_text)
    if not named:
        fail("manifold-cli read --help names no default manifest path")
        return
    connector_copies = [c.split() for c in copies if "${CONNECTOR_DIR}" in c]
    if len(connector_copies) != 1:
        fail("the runtime stage must copy ${CONNECTOR_DIR} once")
    else:
        destination = connector_copies[0][-1].rstrip("/")
        if destination != named.group(1):
            fail(f"CONNECTOR_DIR is copied to {destination}, but manifold-cli reads {named.group(1)}")
        default_dir = os.path.join(source_dir, args.get("CONNECTOR_DIR", ""))
        if not args.get("CONNECTOR_DIR") or not os.path.isdir(default_dir):
            fail("CONNECTOR_DIR has no default folder in the repository")
        elif os.path.exists(os.path.join(default_dir, "manifest.yaml")):
            fail("the default CONNECTOR_DIR holds a manifest.yaml: the generic image would not be generic")


if __name__ == "__main__":
    main()
    if failures:
        sys.exit(1)
    print("PASS")
