node /^web\d+/, /^(node)(\d+)\./ {
  notify { "matched ${1} ${2}": }
}
node default { notify { 'default': } }
