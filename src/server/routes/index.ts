/**
 * Every endpoint of the service, one line each. Add an endpoint: write `<area>/<verbNoun>.ts` exporting
 * `defineRoute({...})` and append it here; it is registered, authenticated and documented (/docs) from this list.
 */
import type { AnyRoute } from '../route.ts';
import { getAccount } from './accounts/getAccount.ts';
import { liftSanction } from './accounts/liftSanction.ts';
import { postBlock } from './blocks/postBlock.ts';
import { decideLink } from './links/decideLink.ts';
import { listLinks } from './links/listLinks.ts';
import { actOnRaid } from './raids/actOnRaid.ts';
import { getRaid } from './raids/getRaid.ts';
import { liftShield } from './raids/liftShield.ts';
import { listRaids } from './raids/listRaids.ts';
import { listShields } from './raids/listShields.ts';
import { exportEvidence } from './evidence/exportEvidence.ts';
import { getEvidence } from './evidence/getEvidence.ts';
import { addCaseNote } from './cases/addCaseNote.ts';
import { assignCase } from './cases/assignCase.ts';
import { decideCase } from './cases/decideCase.ts';
import { getCase } from './cases/getCase.ts';
import { getCaseAttachment } from './cases/getCaseAttachment.ts';
import { getCaseAudit } from './cases/getCaseAudit.ts';
import { getCaseStats } from './cases/getCaseStats.ts';
import { listAssignees } from './cases/listAssignees.ts';
import { listCases } from './cases/listCases.ts';
import { messageReporter } from './cases/messageReporter.ts';
import { updateCaseStatus } from './cases/updateCaseStatus.ts';
import { bindOrgKey } from './org/bindOrgKey.ts';
import { putOrg } from './org/putOrg.ts';
import { getReceipt } from './receipt/getReceipt.ts';
import { postReceiptMessage } from './receipt/postReceiptMessage.ts';
import { submitReport } from './reports/submitReport.ts';
import { getMessage } from './messages/getMessage.ts';
import { postMessage } from './messages/postMessage.ts';
import { decideQueueItem } from './queue/decideQueueItem.ts';
import { listQueue } from './queue/listQueue.ts';
import { screenText } from './screen/screenText.ts';
import { getHealth } from './system/getHealth.ts';
import { getMetrics } from './system/getMetrics.ts';
import { getWhoami } from './system/getWhoami.ts';

export const routes: readonly AnyRoute[] = [
  getHealth,
  getMetrics,
  getWhoami,
  screenText,
  postMessage,
  getMessage,
  listQueue,
  decideQueueItem,
  exportEvidence, // a static segment wins over :subject, so no subject can be called "export"
  getEvidence,
  putOrg,
  bindOrgKey,
  submitReport,
  getReceipt,
  postReceiptMessage,
  listCases,
  getCaseStats, // a static segment wins over :caseId, so no case can be called "stats"
  getCase,
  getCaseAudit,
  getCaseAttachment,
  listAssignees,
  assignCase,
  updateCaseStatus,
  decideCase,
  addCaseNote,
  messageReporter,
  postBlock,
  getAccount,
  liftSanction,
  listLinks,
  decideLink,
  listRaids,
  getRaid,
  actOnRaid,
  listShields,
  liftShield,
];
