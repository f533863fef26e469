// Every resource type cfg can apply, by lower-case Puppet type name.
import { anchorType } from "./anchor.js";
import { cronType } from "./cron.js";
import { execType } from "./exec.js";
import { fileType } from "./file.js";
import { filebucketType } from "./filebucket.js";
import { fileLineType } from "./file_line.js";
import { groupType } from "./group.js";
import { hostType } from "./host.js";
import { notifyType } from "./notify.js";
import { packageType } from "./package.js";
import { serviceType } from "./service.js";
import type { ResourceType } from "./types.js";
import { userType } from "./user.js";

export const RESOURCE_TYPES: ReadonlyMap<string, ResourceType> = new Map(
  [anchorType, cronType, execType, fileType, filebucketType, fileLineType, groupType, hostType, notifyType, packageType, serviceType, userType].map((t) => [t.name, t]),
);
