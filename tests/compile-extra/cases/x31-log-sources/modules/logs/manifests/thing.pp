define logs::thing () {
  notice("thing ${title} ${module_name}")
}
