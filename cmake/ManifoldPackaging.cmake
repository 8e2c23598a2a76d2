# CPack: a .deb with Depends computed from the binaries (dpkg-shlibdeps) and a .tar.gz.

set(CPACK_PACKAGE_NAME "manifold")
set(CPACK_PACKAGE_VENDOR "Manifold developers")
set(CPACK_PACKAGE_CONTACT "Manifold developers <manifold@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
  "Manifold is a native desktop IDE for building data connectors for HTTP APIs as\n declarative YAML manifests (Airbyte's low-code format), with live test reads\n and manifold-cli, a headless Airbyte source that runs any manifest.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "manifold")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME "manifold-${PROJECT_VERSION}-${CMAKE_SYSTEM_PROCESSOR}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The xcb platform plugin is loaded at run time, so dpkg-shlibdeps cannot see it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, ca-certificates")

include(CPack)
