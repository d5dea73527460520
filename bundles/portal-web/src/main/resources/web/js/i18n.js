// Every text of the shell in both languages, and the current language (remembered in localStorage).

const STORAGE_KEY = 'unionPortal.lang';
export const ZH = 'zh-CN';
export const EN = 'en';

const MESSAGES = {
  appName: ['工会服务门户', 'Union Portal'],
  tagline: ['服务职工 · 凝聚力量', 'Serving workers, building strength together'],
  loading: ['加载中…', 'Loading…'],
  langToggleLabel: ['切换为英文 (English)', 'Switch to Chinese (中文)'],
  // login
  signInTitle: ['登录', 'Sign in'],
  signInIntro: ['请使用您的门户账号登录。', 'Sign in with your portal account.'],
  username: ['用户名', 'User name'],
  password: ['密码', 'Password'],
  signIn: ['登录', 'Sign in'],
  signingIn: ['正在登录…', 'Signing in…'],
  missingCredentials: ['请输入用户名和密码。', 'Please enter your user name and password.'],
  signInFailed: ['登录失败。', 'Sign-in failed.'],
  retryAfter: ['请在 {seconds} 秒后重试。', 'Please try again in {seconds} seconds.'],
  sessionExpired: ['登录已过期，请重新登录。', 'Your session has expired. Please sign in again.'],
  signedOut: ['您已安全退出。', 'You have signed out.'],
  networkError: ['无法连接服务器，请稍后重试。', 'Cannot reach the server. Please try again later.'],
  // header and menu
  logout: ['退出登录', 'Sign out'],
  userLabel: ['当前用户', 'Signed in as'],
  navigation: ['导航菜单', 'Navigation'],
  toggleMenu: ['菜单', 'Menu'],
  home: ['首页', 'Home'],
  menuEmpty: ['暂无可用功能。', 'Nothing is available to you yet.'],
  menuFailed: ['菜单加载失败：{detail}', 'Could not load the menu: {detail}'],
  modulesFailed: ['模块列表加载失败：{detail}', 'Could not load the modules: {detail}'],
  liveOpen: ['实时更新已连接', 'Live updates connected'],
  liveConnecting: ['正在连接实时更新…', 'Connecting live updates…'],
  liveOffline: ['实时更新已断开，正在重连…', 'Live updates lost, reconnecting…'],
  closeNotice: ['关闭提示', 'Dismiss'],
  // home
  welcome: ['欢迎，{name}', 'Welcome, {name}'],
  roles: ['角色', 'Roles'],
  installedModules: ['已安装模块', 'Installed modules'],
  noModules: ['暂未安装任何业务模块。', 'No modules are installed yet.'],
  version: ['版本', 'Version'],
  state: ['状态', 'State'],
  restBases: ['接口', 'REST'],
  pages: ['页面', 'Pages'],
  none: ['无', 'none'],
  workTitle: ['待办事项', 'Work to do'],
  workNone: ['目前没有待办事项。', 'Nothing is waiting for you.'],
  workUnavailable: ['部分模块的待办数量暂时无法读取。', 'Some modules could not count their work just now.'],
  workNoLink: ['（无权打开该列表）', '(you cannot open this list)'],
  noticesTitle: ['通知公告', 'Notices'],
  noticesNone: ['暂无通知。', 'No notices.'],
  noticeFrom: ['{org} · {name} · {at}', '{org} · {name} · {at}'],
  shortcutsTitle: ['常用功能', 'Shortcuts'],
  noFunctionTitle: ['您的账号还没有可用的功能', 'Your account has nothing to use yet'],
  noFunctionBody: ['请联系您所在工会的管理员开通：', 'Ask your union\'s administrator to give you access:'],
  noFunctionNobody: ['请联系您所在工会的管理员。', 'Ask your union\'s administrator.'],
  homeFailed: ['工作台加载失败：{detail}', 'Could not load the home page: {detail}'],
  // password
  changePassword: ['修改密码', 'Change password'],
  mustChangeTitle: ['请先设置新密码', 'Choose a new password first'],
  mustChangeIntro: ['管理员已重置您的密码。为了账号安全，请先设置一个只有您知道的新密码。',
    'An administrator reset your password. Choose a new one that only you know before you go on.'],
  changeIntro: ['修改后，您在其他设备上的登录将失效。', 'Your sign-ins on other devices end when you change it.'],
  currentPassword: ['当前密码', 'Current password'],
  newPassword: ['新密码', 'New password'],
  repeatPassword: ['再次输入新密码', 'New password again'],
  passwordHint: ['至少 8 个字符，不能是常见密码或用户名。', 'At least 8 characters; not a common password or the user name.'],
  passwordRequired: ['请输入当前密码。', 'Enter your current password.'],
  passwordTooShort: ['新密码至少需要 8 个字符。', 'The new password needs at least 8 characters.'],
  passwordMismatch: ['两次输入的新密码不一致。', 'The two new passwords differ.'],
  passwordSave: ['保存新密码', 'Save the new password'],
  passwordChanged: ['密码已修改。', 'Your password has been changed.'],
  // pages
  pageLoadFailed: ['页面加载失败：{detail}', 'Could not load the page: {detail}'],
  pageNoMount: ['页面模块没有导出 mount(element, context)。', 'The page module does not export mount(element, context).'],
  pageGone: ['页面「{label}」已不可用（所属模块可能已卸载），已返回首页。',
    'The page “{label}” is no longer available (its module may have been uninstalled). You are back on the home page.'],
  routeUnknown: ['找不到页面「{route}」，或您无权访问。', 'There is no page “{route}”, or you may not open it.'],
  backHome: ['返回首页', 'Back to home'],
};

const ROLE_NAMES = {
  PLATFORM_ADMIN: ['平台管理员', 'Platform administrator'],
  DISTRICT_ADMIN: ['区级管理员', 'District administrator'],
  UNION_OPERATOR: ['基层工会经办人', 'Union operator'],
  REVIEWER: ['评委/审核人', 'Reviewer'],
  MEMBER: ['会员', 'Member'],
};

const STATE_NAMES = {
  ACTIVE: ['运行中', 'Active'],
  RESOLVED: ['已解析（未启动）', 'Resolved (stopped)'],
  INSTALLED: ['已安装（未解析）', 'Installed (unresolved)'],
  STARTING: ['启动中', 'Starting'],
  STOPPING: ['停止中', 'Stopping'],
  UNINSTALLED: ['已卸载', 'Uninstalled'],
};

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = stored() === EN ? EN : ZH;
const listeners = new Set();

/** The current language, `"zh-CN"` or `"en"`. */
export function lang() {
  return current;
}

/** Picks the text for the current language (Chinese when no English is given). */
export function t(zh, en) {
  return current === EN && en != null && en !== '' ? en : zh;
}

/** A shell text by key, with `{name}` placeholders filled from `params`. */
export function msg(key, params = {}) {
  const pair = MESSAGES[key];
  const text = pair ? t(pair[0], pair[1]) : key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function roleName(role) {
  const pair = ROLE_NAMES[role];
  return pair ? t(pair[0], pair[1]) : String(role);
}

export function stateName(state) {
  const pair = STATE_NAMES[state];
  return pair ? t(pair[0], pair[1]) : String(state ?? '');
}

/** Applies the language to the document (lang attribute, title) and tells the listeners. */
export function setLang(next) {
  const changed = next !== current;
  current = next === EN ? EN : ZH;
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = current;
  if (changed) listeners.forEach((listener) => listener(current));
}

export function toggleLang() {
  setLang(current === EN ? ZH : EN);
}

export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
