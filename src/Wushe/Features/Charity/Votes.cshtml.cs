using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Charity;

/// <summary>待我表决 (committee member, on a phone too): the requests waiting for their vote (<see cref="AwaitingMyVote"/>), each opening its page.</summary>
[Authorize(CharityPermissions.VoteOnDisbursementsPolicy)]
public sealed class VotesModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AwaitingMyVote.Row> Awaiting { get; private set; } = [];

    public async Task OnGetAsync() => Awaiting = await AwaitingMyVote.Handle(db, me, clock);
}
