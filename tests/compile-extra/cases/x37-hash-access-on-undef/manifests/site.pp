$v = $facts['no_such']['key']
