import "server-only";
// Which tenders a commissioner runs, for paid time: the policy's
// `tender.manage` rule, once as a check and once as a query `where`, so lists
// and exports never return another team's claims.
export {
  runsTender as managesTender,
  tenderRelationsSelect as managingPanelSelect,
  tendersRunByWhere as managedTendersWhere,
} from "../policy";
