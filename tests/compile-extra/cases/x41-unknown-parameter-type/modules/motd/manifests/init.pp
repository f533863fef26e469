class motd (
  Stdlib::Absolutepath $root,
) {
  notice($root)
}
