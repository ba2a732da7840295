using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Admin.Audit;

/// <summary>
/// 审计日志: the append-only trail, newest first, filtered by user, action, entity, outcome and a range
/// of China dates. Read-only: there is no use case that changes or deletes an audit record.
/// </summary>
public static class ListAudit
{
    public sealed record Query(string? UserName = null, AuditAction? Action = null, string? Entity = null, AuditOutcome? Outcome = null,
        DateOnly? From = null, DateOnly? To = null, int? Page = null, int? Size = null);

    public sealed record Row(long Id, DateTimeOffset At, Guid? UserId, string? UserName, Role? Role, string? RoleName, AuditAction Action, string ActionName,
        string Entity, string EntityKey, string? Fields, AuditOutcome Outcome, string OutcomeName, string? AreaCode, string? Reason, string? Origin);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, CurrentUser actor, Query q, CancellationToken ct = default)
    {
        if (q.From is { } f && q.To is { } t && f > t)
            return Failure.Invalid("to", Lang.T("结束日期不能早于开始日期", "The end date cannot be before the start date"));
        var records = db.AuditRecords.AsNoTracking();
        // Only the platform admin holds the permission today; should a scoped role get it, it sees its own places only.
        if (!actor.Scope.All)
        {
            if (actor.Scope.None) records = records.Where(r => false);
            else
            {
                var (low, high) = (actor.Scope.Low, actor.Scope.High);
                records = records.Where(r => r.AreaCode != null && string.Compare(r.AreaCode, low) >= 0 && string.Compare(r.AreaCode, high) <= 0);
            }
        }
        if (!string.IsNullOrWhiteSpace(q.UserName))
        {
            var name = q.UserName.Trim();
            records = records.Where(r => r.UserName != null && r.UserName.Contains(name));
        }
        if (q.Action is { } action) records = records.Where(r => r.Action == action);
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            var entity = q.Entity.Trim();
            records = records.Where(r => r.Entity == entity);
        }
        if (q.Outcome is { } outcome) records = records.Where(r => r.Outcome == outcome);
        // China dates to UTC instants: [from 00:00 CST, to+1 00:00 CST). UTC on both sides keeps SQLite's stored order.
        if (q.From is { } from)
        {
            var start = StartOf(from);
            records = records.Where(r => r.At >= start);
        }
        if (q.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            records = records.Where(r => r.At < end);
        }
        var page = await records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToPageAsync(q.Page, q.Size, ct);
        var rows = page.Items.Select(r => new Row(r.Id, r.At, r.UserId, r.UserName, r.Role, r.Role is { } role ? Roles.Label(role) : null,
            r.Action, ActionLabel(r.Action), r.Entity, r.EntityKey, r.Fields, r.Outcome, OutcomeLabel(r.Outcome), r.AreaCode, r.Reason, r.Origin)).ToList();
        return new PageOf<Row>(rows, page.Total, page.Page, page.Size);
    }

    public static DateTimeOffset StartOf(DateOnly chinaDate) =>
        new DateTimeOffset(chinaDate.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>The entity names that audit records use (the model's entity classes), for the filter's list.</summary>
    public static IReadOnlyList<string> Entities(AppDb db) =>
        db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.ClrType.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) == true && e.ClrType != typeof(AuditRecord))
            .Select(e => e.ClrType.Name).Distinct().Order(StringComparer.Ordinal).ToList();

    public static string ActionLabel(AuditAction action) => action switch
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
        _ => action.ToString(),
    };

    public static string OutcomeLabel(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => Lang.T("成功", "Success"),
        AuditOutcome.Denied => Lang.T("拒绝", "Denied"),
        AuditOutcome.Failed => Lang.T("失败", "Failed"),
        _ => outcome.ToString(),
    };

    public static string OutcomeColor(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Success => "success",
        AuditOutcome.Denied => "danger",
        _ => "warning",
    };
}
