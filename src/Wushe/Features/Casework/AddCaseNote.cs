using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 个案记录: a dated note on an open case (2–4000 characters), optionally with an attachment (jpg/png/pdf ≤ 5 MB, checked by content).
/// By the case's station workers, or by the staff of an organization that accepted a referral of the case (<see cref="ReferredCases"/>).
/// </summary>
public static class AddCaseNote
{
    public sealed record Request
    {
        [Label("记录内容", "Note")] public string? Text { get; init; }
    }

    public static Errors Validate(Request r) => new Errors().Text("text", r.Text, "记录内容", "The note", 2, 4000);

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid caseId, Request r, IFormFile? attachment,
        CancellationToken ct = default)
    {
        var c = await ReferredCases.FindAsync(db, user, caseId, tracking: true, ct);
        if (c is null) return Failure.NotFound();
        var errors = Validate(r);
        StoredFile? file = null;
        if (attachment is not null)
        {
            var (f, error) = await StoredFile.FromUpload(attachment, CaseNote.Attachment, c.AreaCode, clock.GetUtcNow(), user.Id);
            errors.Add("attachment", error);
            file = f;
        }
        if (errors.Any) return errors.ToFailure();
        if (c.Status == CaseStatus.Closed) return Failure.Conflict(Lang.T("个案已结案，不能再添加记录", "The case is closed; no more notes"));
        if (file is not null) db.StoredFiles.Add(file);
        var note = new CaseNote(c, r.Text!.Trim(), file?.Id, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(note);
        c.Touch();
        if (await ReferredCases.SaveAsync(db, user, c, ct) is { } conflict) return conflict;
        return new CreatedId(note.Id);
    }
}
