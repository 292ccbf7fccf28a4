# Installing the desktop program and packaging it as a .deb with CPack
# (`cd build && cpack`): the programs, the bundled questionnaires, the
# translations (po/CMakeLists.txt), a desktop entry, an icon, and the MIME
# types of .focal workspaces and .focalreport reports so that a double-click
# opens them. Debian's triggers refresh the desktop, MIME and icon caches.
include(GNUInstallDirs)
install(TARGETS focal focal-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT focal)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/questionnaires/ DESTINATION ${CMAKE_INSTALL_DATADIR}/focal/questionnaires
        COMPONENT focal FILES_MATCHING PATTERN "*.yaml")
set(FOCAL_RESOURCES ${CMAKE_CURRENT_SOURCE_DIR}/gui/resources)
install(FILES ${FOCAL_RESOURCES}/focal.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT focal)
install(FILES ${FOCAL_RESOURCES}/focal.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        COMPONENT focal)
install(FILES ${FOCAL_RESOURCES}/focal-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME focal.xml
        COMPONENT focal)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME focal)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Focal")
set(CPACK_PACKAGE_CONTACT "Focal maintainers <focal@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Replies to the UNTOC reporting questionnaires, in the six UN languages")
# One string (quoted pieces side by side would make a CMake list, joined by ';').
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Focal is a desktop tool in which national focal points answer the\n"
       "questionnaires on the implementation of the United Nations Convention\n"
       "against Transnational Organized Crime and its Protocols, offline, with\n"
       "every answer saved at once, and export the signed national report.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "iso-codes")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-core")
set(CPACK_STRIP_FILES ON)
include(CPack)
