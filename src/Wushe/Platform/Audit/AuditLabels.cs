using Wushe.Platform.Localization;

namespace Wushe.Platform.Audit;

/// <summary>What the audit log calls its actions, outcomes and the reasons sign-ins and security events give.</summary>
public static class AuditLabels
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Create => Lang.T("新增", "Create"),
        AuditAction.Update => Lang.T("修改", "Update"),
        AuditAction.StateChange => Lang.T("状态变更", "State change"),
        AuditAction.Delete => Lang.T("删除", "Delete"),
        AuditAction.Reveal => Lang.T("查看敏感信息", "Reveal"),
        AuditAction.SignIn => Lang.T("登录", "Sign in"),
        AuditAction.SignInFailed => Lang.T("登录失败", "Sign-in failed"),
        AuditAction.SignOut => Lang.T("退出登录", "Sign out"),
        AuditAction.Import => Lang.T("导入", "Import"),
        AuditAction.Export => Lang.T("导出", "Export"),
        AuditAction.Denied => Lang.T("拒绝访问", "Denied"),
        AuditAction.Download => Lang.T("下载附件", "Download"),
        _ => action.ToString(),
    };

    public static string Outcome(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => Lang.T("成功", "Success"),
        AuditOutcome.Denied => Lang.T("拒绝", "Denied"),
        AuditOutcome.Failed => Lang.T("失败", "Failed"),
        _ => outcome.ToString(),
    };

    /// <summary>Bootstrap colour of an outcome's badge.</summary>
    public static string OutcomeColor(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Denied => "danger",
        _ => "warning",
    };

    /// <summary>Bootstrap colour of an action's badge: security events stand out.</summary>
    public static string ActionColor(AuditAction action) => action switch
    {
        AuditAction.Create => "primary",
        AuditAction.Update or AuditAction.StateChange => "info",
        AuditAction.Delete or AuditAction.Denied or AuditAction.SignInFailed => "danger",
        AuditAction.Reveal or AuditAction.Download => "warning",
        _ => "secondary",
    };

    /// <summary>
    /// Reasons written as codes (by sign-in and security events) in words; any other reason is what a
    /// person typed (a reveal's reason) and is shown as it is.
    /// </summary>
    public static string Reason(string reason) => reason switch
    {
        "password" => Lang.T("密码错误", "Wrong password"),
        "unknown" => Lang.T("账号不存在", "No such account"),
        "locked" => Lang.T("账号已锁定", "Account locked"),
        "lockout" => Lang.T("连续输错密码，已锁定该来源地址", "Too many wrong passwords: this address is locked out"),
        "rate-limited: client" => Lang.T("登录尝试过于频繁（同一来源地址）", "Too many sign-in attempts from this address"),
        "rate-limited: account" => Lang.T("登录尝试过于频繁（同一账号）", "Too many sign-in attempts for this account"),
        "out of scope" => Lang.T("超出管辖范围", "Outside the user's area"),
        _ when reason.StartsWith("held above:", StringComparison.Ordinal) => Lang.T("上级区划负责的记录，只读", "Held by an area above the user's: read-only"),
        _ when reason.StartsWith("not manageable:", StringComparison.Ordinal) => Lang.T("该账号的角色或所属区划超出管辖范围", "The account's roles or home area lie outside the user's area"),
        "disabled" => Lang.T("账号已停用", "Account disabled"),
        "rate-limited" or "rate_limited" or "ratelimited" or "throttled" => Lang.T("请求过于频繁", "Too many attempts"),
        "out-of-scope" or "out_of_scope" or "scope" => Lang.T("超出管辖范围", "Outside the user's area"),
        "forbidden" => Lang.T("没有操作权限", "Not permitted"),
        "read-only" or "readonly" => Lang.T("上级记录只读", "Record held above the user's area"),
        "antiforgery" => Lang.T("跨站请求被拒绝", "Cross-site request refused"),
        _ => reason,
    };

    /// <summary>Keys of summary records ("rows=12,added=3") in words.</summary>
    public static string SummaryKey(string key) => key switch
    {
        "rows" => Lang.T("行数", "Rows"),
        "added" => Lang.T("新增", "Added"),
        "renamed" => Lang.T("更名", "Renamed"),
        "retired" => Lang.T("撤销", "Retired"),
        "unchanged" => Lang.T("未变", "Unchanged"),
        "period" => Lang.T("统计期间", "Period"),
        "year" => Lang.T("年度", "Year"),
        "months" => Lang.T("月份", "Months"),
        "filter" => Lang.T("筛选条件", "Search"),
        _ => key,
    };
}
