class widgets (Integer $count = 2) {
  Integer[1, $count].each |$i| {
    widget { "w${i}": size => $i * 10, color => 'red' }
  }
  Widget['w1'] -> Widget['w2']
}
