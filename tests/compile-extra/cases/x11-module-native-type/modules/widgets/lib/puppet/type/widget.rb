Puppet::Type.newtype(:widget) do
  @doc = 'A test type shipped by a module.'
  newparam(:name, namevar: true)
  newproperty(:size)
  newparam(:color)
end
