class ssh::knownhosts {
  Sshkey <<| |>>
}
