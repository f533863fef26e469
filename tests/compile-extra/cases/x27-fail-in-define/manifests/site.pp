define guarded ($mode) {
  if $mode != 'safe' {
    fail("unsafe mode ${mode} for ${title}")
  }
}
guarded { 'ok': mode => 'safe' }
guarded { 'bad': mode => 'yolo' }
