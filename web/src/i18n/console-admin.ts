/**
 * Messages of the audit search, staff users, product management, the loan agreement and the
 * collection-rate chart, in both languages; spread into the two catalogs (en-US keys are the type).
 */
export const adminEn = {
  'nav.audit': 'Audit search', 'nav.users': 'Staff users',
  'audit.stream': 'Stream', 'audit.streamHint': 'e.g. loan-<loan id>', 'audit.actor': 'Actor', 'audit.type': 'Event type', 'audit.from': 'Recorded from', 'audit.to': 'Recorded until',
  'audit.search': 'Search', 'audit.empty': 'No audit entries match', 'audit.recordedAt': 'Recorded at', 'audit.occurredAt': 'Business time', 'audit.revision': 'Revision', 'audit.hash': 'Hash',
  'users.list': 'Staff accounts', 'users.create': 'Create staff user', 'users.username': 'Username', 'users.role': 'Role', 'users.roleOf': 'Role of {username}',
  'users.contact': 'Contact (mobile or e-mail)', 'users.contactHint': 'The person\'s own: the one-time password is sent there, never shown here',
  'users.contactShape': 'Enter a mainland mobile number or an e-mail address', 'users.sentTo': 'One-time password for {username} sent to {contact}',
  'users.status': 'Status', 'users.status.pending': 'Pending', 'users.status.active': 'Active', 'users.status.disabled': 'Disabled',
  'users.totp': 'Authenticator enrolled', 'users.yes': 'Yes', 'users.no': 'No', 'users.createdAt': 'Created', 'users.actions': 'Actions',
  'users.disable': 'Disable', 'users.enable': 'Enable', 'users.reset': 'Reset', 'users.revoke': 'End sessions',
  'users.disableConfirm': 'Disable {username} and end every session?', 'users.enableConfirm': 'Enable {username} again?',
  'users.resetConfirm': 'Give {username} a new one-time password? Their authenticator must be enrolled again and every session ends.',
  'users.revokeConfirm': 'End every session of {username}?', 'users.confirm': 'Yes', 'users.cancel': 'Cancel', 'users.done': 'Done', 'users.revoked': '{n} sessions ended',
  'product.version': 'Version', 'product.actions': 'Actions', 'product.amend': 'Amend', 'product.amended': 'Product amended (new version)', 'product.amendTitle': 'Amend {name} (version {version})',
  'product.retire': 'Retire', 'product.retireConfirm': 'Retire {name}? No new applications; existing loans carry on.', 'product.retiredDone': 'Product retired',
  'product.preview': 'Schedule preview', 'product.previewPrincipal': 'Preview amount', 'product.previewTerm': 'Preview periods',
  'product.previewHint': 'Fill in the terms to see a sample schedule, computed by the server.',
  'amortization.equal-installment': 'Equal installments', 'amortization.equal-principal': 'Equal principal', 'amortization.bullet': 'Bullet',
  'agreement.title': 'Loan agreement', 'agreement.read': 'Read the agreement', 'agreement.parties': 'Parties', 'agreement.lender': 'Lender', 'agreement.borrower': 'Borrower (customer id)',
  'agreement.product': 'Product', 'agreement.principal': 'Principal', 'agreement.term': 'Periods', 'agreement.rate': 'Annual interest rate', 'agreement.apr': 'APR (all costs)',
  'agreement.fees': 'Fees', 'agreement.noFees': 'None', 'agreement.originationFee': 'Origination fee, deducted at disbursement: {amount}',
  'agreement.schedule': 'Repayment schedule', 'agreement.totalCost': 'Total cost of credit (interest and fees)', 'agreement.startDate': 'Disbursement date assumed',
  'agreement.hash': 'Agreement fingerprint (SHA-256)', 'agreement.accept': 'I have read this loan agreement and accept its terms',
  'agreement.mustAccept': 'Read and accept the loan agreement to apply', 'agreement.first': 'Enter the amount and periods, then read the agreement',
  'dash.collectionRate': 'Collection rate (collected ÷ due)', 'dash.collected': 'Collected', 'dash.due': 'Due', 'dash.rate': 'Rate',
} as const;

export type AdminMessageKey = keyof typeof adminEn;

/** 简体中文. */
export const adminZh: Record<AdminMessageKey, string> = {
  'nav.audit': '审计查询', 'nav.users': '员工账号',
  'audit.stream': '事件流', 'audit.streamHint': '例如 loan-<贷款编号>', 'audit.actor': '操作人', 'audit.type': '事件类型', 'audit.from': '记录时间起', 'audit.to': '记录时间止',
  'audit.search': '查询', 'audit.empty': '没有符合条件的审计记录', 'audit.recordedAt': '记录时间', 'audit.occurredAt': '业务时间', 'audit.revision': '版本', 'audit.hash': '哈希',
  'users.list': '员工账号列表', 'users.create': '新建员工账号', 'users.username': '用户名', 'users.role': '角色', 'users.roleOf': '{username} 的角色',
  'users.contact': '联系方式（手机号或邮箱）', 'users.contactHint': '本人的手机号或邮箱：一次性密码将发送至此，不在此处显示',
  'users.contactShape': '请输入大陆手机号或邮箱地址', 'users.sentTo': '{username} 的一次性密码已发送至 {contact}',
  'users.status': '状态', 'users.status.pending': '待激活', 'users.status.active': '正常', 'users.status.disabled': '已停用',
  'users.totp': '已绑定身份验证器', 'users.yes': '是', 'users.no': '否', 'users.createdAt': '创建时间', 'users.actions': '操作',
  'users.disable': '停用', 'users.enable': '启用', 'users.reset': '重置', 'users.revoke': '结束会话',
  'users.disableConfirm': '停用 {username} 并结束其全部会话？', 'users.enableConfirm': '重新启用 {username}？',
  'users.resetConfirm': '为 {username} 生成新的一次性密码？其身份验证器需重新绑定，全部会话将结束。',
  'users.revokeConfirm': '结束 {username} 的全部会话？', 'users.confirm': '确定', 'users.cancel': '取消', 'users.done': '已完成', 'users.revoked': '已结束 {n} 个会话',
  'product.version': '版本', 'product.actions': '操作', 'product.amend': '修改', 'product.amended': '产品已修改（新版本）', 'product.amendTitle': '修改 {name}（版本 {version}）',
  'product.retire': '下架', 'product.retireConfirm': '下架 {name}？将不再接受新申请，已有贷款不受影响。', 'product.retiredDone': '产品已下架',
  'product.preview': '还款计划预览', 'product.previewPrincipal': '预览金额', 'product.previewTerm': '预览期数',
  'product.previewHint': '填写产品条款后，将显示由服务器计算的示例还款计划。',
  'amortization.equal-installment': '等额本息', 'amortization.equal-principal': '等额本金', 'amortization.bullet': '到期一次还本',
  'agreement.title': '借款合同', 'agreement.read': '阅读借款合同', 'agreement.parties': '合同双方', 'agreement.lender': '贷款人', 'agreement.borrower': '借款人（客户编号）',
  'agreement.product': '产品', 'agreement.principal': '借款本金', 'agreement.term': '期数', 'agreement.rate': '年利率', 'agreement.apr': '年化综合成本 (APR)',
  'agreement.fees': '费用', 'agreement.noFees': '无', 'agreement.originationFee': '放款时扣除的手续费：{amount}',
  'agreement.schedule': '还款计划', 'agreement.totalCost': '借款总成本（利息与费用）', 'agreement.startDate': '预计放款日',
  'agreement.hash': '合同指纹 (SHA-256)', 'agreement.accept': '我已阅读并同意本借款合同的全部条款',
  'agreement.mustAccept': '请阅读并同意借款合同后再提交申请', 'agreement.first': '请先填写金额和期数，再阅读合同',
  'dash.collectionRate': '回收率（实收 ÷ 应收）', 'dash.collected': '实收', 'dash.due': '应收', 'dash.rate': '回收率',
};
