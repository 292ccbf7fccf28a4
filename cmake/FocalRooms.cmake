# The rooms of export/: one static library per folder, each declaring the
# rooms it builds on, as Audacity's lib-* do. Includes are written from the
# project root ("export/report/report_file.h") so every include names its
# room; cmake/check_layers.cmake, run before anything is compiled, fails the
# build when a file includes a room its own room did not declare, when
# forms/ includes export/ or app/, when export/ includes app/, or when either
# includes wxWidgets.

# focal_room(NAME [DEPENDS room...] [LIBS library...]): the library
# focal_export_NAME from every .cpp in export/NAME/.
function(focal_room room)
  cmake_parse_arguments(ROOM "" "" "DEPENDS;LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  add_library(focal_export_${room} STATIC ${sources})
  add_dependencies(focal_export_${room} focal_layers)
  set(links focal_forms)
  foreach(dep IN LISTS ROOM_DEPENDS)
    list(APPEND links focal_export_${dep})
  endforeach()
  target_link_libraries(focal_export_${room} PUBLIC ${links} ${ROOM_LIBS})
  # What the layering check allows: the declared rooms and what they allow.
  set(allowed ${ROOM_DEPENDS})
  foreach(dep IN LISTS ROOM_DEPENDS)
    get_property(inherited GLOBAL PROPERTY FOCAL_ROOM_ALLOWS_${dep})
    list(APPEND allowed ${inherited})
  endforeach()
  list(REMOVE_DUPLICATES allowed)
  set_property(GLOBAL PROPERTY FOCAL_ROOM_ALLOWS_${room} ${allowed})
  set_property(GLOBAL APPEND PROPERTY FOCAL_ROOMS ${room})
endfunction()

# The rule as one argument for check_layers.cmake: "room:dep,dep;room:...".
function(focal_room_rules out)
  get_property(rooms GLOBAL PROPERTY FOCAL_ROOMS)
  set(rules "")
  foreach(room IN LISTS rooms)
    get_property(allowed GLOBAL PROPERTY FOCAL_ROOM_ALLOWS_${room})
    string(REPLACE ";" "," allowed "${allowed}")
    list(APPEND rules "${room}:${allowed}")
  endforeach()
  string(REPLACE ";" "|" rules "${rules}")
  set(${out} "${rules}" PARENT_SCOPE)
endfunction()
