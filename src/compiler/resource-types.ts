// Attribute names of Puppet 7's native resource types (those available to the reference compile),
// so that a misspelt attribute is a compile-time error as Puppet gives it ("no parameter named 'x'").
export const METAPARAMS = new Set([
  "alias", "audit", "before", "consume", "export", "loglevel", "noop", "notify", "require", "schedule",
  "stage", "subscribe", "tag",
]);

const T = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

export const BUILTIN_TYPES: Record<string, Set<string>> = {
  file: T(`path ensure backup recurse recurselimit replace force ignore links purge sourceselect show_diff
    validate_cmd validate_replacement content checksum checksum_value source owner group mode selinux_ignore_defaults
    selrange selrole seltype seluser ctime mtime type target max_files source_permissions staging_location`),
  package: T(`name ensure provider command source instance_dir install_options uninstall_options responsefile
    adminfile allowcdrom allow_virtual configfiles description enable_only flavor header install_only
    mark package_settings platform reinstall_on_refresh root status vendor category reinstall_on_refresh`),
  service: T(`name ensure enable binary control hasrestart hasstatus manifest path pattern provider restart
    start status stop flags timeout logonaccount logonpassword`),
  exec: T(`command creates cwd environment group logoutput onlyif path provider refresh refreshonly returns
    timeout tries try_sleep umask unless user`),
  user: T(`name ensure allowdupe attribute_membership attributes auth_membership auths comment expiry
    forcelocal gid groups home ia_load_module iterations key_membership keys loginclass managehome membership
    password password_max_age password_min_age password_warn_days profile_membership profiles project
    provider purge_ssh_keys role_membership roles salt shell system uid`),
  group: T(`name ensure allowdupe attribute_membership attributes auth_membership forcelocal gid
    ia_load_module members membership provider system`),
  notify: T(`name message withpath`),
  tidy: T(`path age backup matches max_files recurse rmdirs size type`),
  schedule: T(`name period periodmatch range repeat weekday`),
  resources: T(`name purge unless_system_user unless_uid`),
  stage: T(`name`),
  filebucket: T(`name path port server`),
};

/** The namevar of each native type (its value defaults to the title and is not printed). */
export const NAMEVAR: Record<string, string> = {
  file: "path", package: "name", service: "name", exec: "command", user: "name", group: "name",
  notify: "name", tidy: "path", schedule: "name", resources: "name", stage: "name", filebucket: "name",
};
