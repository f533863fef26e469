$region = 'top'
class parent { $pv = 'from parent' $region = 'parent-region' }
class child inherits parent {
  $osfamily = 'Shadowed'
  notice("${osfamily} ${::osfamily} ${region} ${::region} ${pv}")
  $fns = [1, 2].map |$i| { "f${i}-${region}" }
  notice($fns)
}
include child
