using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Home;

/// <summary>
/// The workforce figures of the home page for the user's scope (organization staff: their organization's people). Each is the total
/// of the list it links to, counted by that list's own conditions (<see cref="ListSocialWorkers.Filter"/>: <c>status=Active</c>,
/// <c>state=Due</c>, <c>state=Overdue</c>, <c>state=Expiring</c>, <c>state=Lapsed</c> on today's China date), and the latest exam year
/// of <see cref="ExamFigures"/> (sat, passed, pass rate and its record marks) for those who may see exam results.
/// </summary>
public static class WorkforceFigures
{
    /// <param name="Qualified">In post and holding a qualification (the share of <see cref="Active"/> on the staffing page).</param>
    /// <param name="Exam">The latest exam year on record in the scope; null when there is none or the user may not see exam results.</param>
    public sealed record Response(int Active, int Qualified, int Due, int Overdue, int Expiring, int Lapsed, ExamFigures.Report? Exam);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        Task<int> Count(ListSocialWorkers.Query q) => ListSocialWorkers.Filter(db, sealer, today, q).CountAsync(ct);
        var active = await Count(new(Status: SocialWorkerStatus.Active));
        var qualified = await ListSocialWorkers.Filter(db, sealer, today, new(Status: SocialWorkerStatus.Active)).CountAsync(w => w.Level != null, ct);
        var due = await Count(new(State: RegistrationState.Due));
        var overdue = await Count(new(State: RegistrationState.Overdue));
        var expiring = await Count(new(State: RegistrationState.Expiring));
        var lapsed = await Count(new(State: RegistrationState.Lapsed));
        var exam = user.Has(ExamsPermissions.View) && await db.Set<ExamCandidate>().AnyAsync(ct)
            ? (await ExamFigures.Handle(db, user, clock, new ExamFigures.Query(), ct)).Value
            : null;
        return new Response(active, qualified, due, overdue, expiring, lapsed, exam);
    }
}
