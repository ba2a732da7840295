using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Competitions;

/// <summary>
/// 提出异议 (no sign-in), during the notice period: about one shortlisted application or the whole list, the objection (10–1000
/// characters), a contact name and mobile number (sealed: the host reads it to reply; never shown publicly). Limited per client address
/// (<see cref="ObjectionLimits"/>, 429). Written as a resident acting in the call's area (the audit names 居民 and the masked phone). The
/// answer is a reference number (the objection's id's first 8 characters, upper case) to quote.
/// </summary>
public static class LodgeObjection
{
    public sealed record Request
    {
        /// <summary>A shortlisted application of the call; none: the whole list.</summary>
        [Label("异议对象", "About")] public Guid? ApplicationId { get; init; }
        [Label("异议内容", "Objection")] public string? Content { get; init; }
        [Label("联系人", "Contact name")] public string? ContactName { get; init; }
        [Label("联系电话", "Mobile number")] public string? ContactPhone { get; init; }
    }

    public sealed record Lodged(Guid Id, string Reference, DateTimeOffset LodgedAt);

    public static Errors Validate(Request r) => new Errors()
        .Text("content", r.Content, "异议内容", "The objection", 10, 1000)
        .PersonName("contactName", r.ContactName, 2, 30)
        .Add("contactPhone", string.IsNullOrWhiteSpace(r.ContactPhone) ? Lang.T("联系电话不能为空，主办单位将通过它答复您", "The mobile number is required: the host answers you through it") : Mobile.Check(r.ContactPhone));

    public static string Reference(Guid id) => id.ToString("N")[^8..].ToUpperInvariant();

    public static async Task<Result<Lodged>> Handle(AppDb db, Sealer sealer, TimeProvider clock, ObjectionLimits limits, string? origin, Guid callId, Request r, CancellationToken ct = default)
    {
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || call.NoticeFrom is null || call.Status is not (CompetitionStatus.Notice or CompetitionStatus.Decided)) return PublicNotice.NotFound();
        var now = clock.GetUtcNow();
        if (call.Status != CompetitionStatus.Notice || now >= call.NoticeUntil)
            return Failure.Conflict(Lang.T("公示期已结束，不能再提出异议", "The notice period is over: objections are no longer taken"));
        var errors = Validate(r);
        if (r.ApplicationId is { } aid && !await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter])
                .AnyAsync(a => a.Id == aid && a.CompetitionId == callId && a.Status == ApplicationStatus.Shortlisted, ct))
            errors.Add("applicationId", Lang.T("请选择公示名单中的项目，或选择“整个入围名单”", "Choose a project on the shortlist, or the whole list"));
        if (errors.Any) return errors.ToFailure();
        if (limits.Take(origin) is { } tooMany) return tooMany;
        var phone = Mobile.Normalize(r.ContactPhone!);
        db.ActingAs(CurrentUser.Resident(Mask.Phone(phone), call.AreaCode, origin));
        var objection = new CompetitionObjection(call, r.ApplicationId, r.Content!.Trim(), r.ContactName!.Trim(), sealer.Seal(SensitiveKind.Phone, phone), now);
        db.Add(objection);
        await db.SaveChangesAsync(ct);
        return new Lodged(objection.Id, Reference(objection.Id), now);
    }
}
