using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Organizations;
using Wushe.Data;
using Wushe.Features.Home;
using Wushe.Features.Stations;
using Wushe.Platform.Access;

namespace Wushe.Features;

public sealed class IndexModel(AppDb db, CurrentUser me, Platform.Sensitive.Sealer sealer, TimeProvider clock) : PageModel
{
    public TimeProvider Clock => clock;

    /// <summary>Null for users without station access (community, volunteers, donors, merchants).</summary>
    public HomeFigures.Response? Figures { get; private set; }

    /// <summary>For a role at a village or community (community staff, fund committee): the community and its township's station.</summary>
    public CommunityHome.Response? Community { get; private set; }

    /// <summary>The households figures, for users who keep or oversee households.</summary>
    public CareFigures.Response? Care { get; private set; }

    /// <summary>The social-organization figures, for users who keep the register (bureaus, stations).</summary>
    public OrganizationFigures.Response? Organizations { get; private set; }
    /// <summary>The funds of the scope (issue 10): the active ones counted, the money of all — the totals of the list the cards link to.</summary>
    public Wushe.Features.Charity.CharityFigures.Response? Charity { get; private set; }

    /// <summary>The needs figures (急难愁盼), for users who handle or oversee needs.</summary>
    public NeedFigures.Response? Needs { get; private set; }

    /// <summary>The projects figures, for users who read projects (their organization's, for its staff).</summary>
    public ProjectFigures.Response? Projects { get; private set; }

    /// <summary>The 公益创投 figures: a host's, an organization's or a judge's (<see cref="CompetitionHomeFigures"/>); null for other roles.</summary>
    public CompetitionHomeFigures.Response? Competitions { get; private set; }

    /// <summary>The volunteer figures, for users who read the volunteer register.</summary>
    public VolunteerFigures.Response? Volunteers { get; private set; }
    public WorkforceFigures.Response? Workforce { get; private set; }

    /// <summary>For a volunteer: their own registration (name and number), null for others or when the account has none.</summary>
    public Volunteers.GetVolunteer.Details? MyVolunteer { get; private set; }
    /// <summary>The volunteer's hours and stars (the home card links to 我的服务时长).</summary>
    public Volunteers.Hours.MyHours.Response? MyHours { get; private set; }

    /// <summary>For a station head: the cases with a step waiting for a decision (<see cref="ApprovalFigures"/>); null for others.</summary>
    public int? AwaitingApproval { get; private set; }

    /// <summary>A volunteer's points balance (积分); a merchant account's home figures (待核销, this quarter).</summary>
    public int? MyPoints { get; private set; }
    public Volunteers.Points.MerchantHome.Response? MyMerchant { get; private set; }

    /// <summary>For volunteers and organization staff: how many households they visited (我参与探访的家庭); null for others.</summary>
    public int? LinkedHouseholds { get; private set; }

    /// <summary>For organization staff: the organization their role acts for (本机构), with its status; null for others or when none is linked.</summary>
    public (Guid Id, string Name, OrganizationStatus Status)? MyOrganization { get; private set; }

    /// <summary>For organization staff: the case referrals waiting for their organization (<see cref="Casework.ReferredCases"/>); null for others.</summary>
    public int? ReferredCasesWaiting { get; private set; }

    /// <summary>For organization staff: the needs referred to their organization still to carry out (已对接, 办理中); null for others.</summary>
    public int? ReferredNeedsOpen { get; private set; }

    /// <summary>The active role in words: a station head is 站长, not a plain station worker (the head is the station's staff member marked head).</summary>
    public string RoleLabel(Role role) =>
        role == Role.StationWorker && AwaitingApproval is not null ? Platform.Localization.Lang.T("社工站站长", "Station head") : Roles.Label(role);

    public async Task OnGetAsync()
    {
        if (me.Has(Households.HouseholdsPermissions.Linked)) LinkedHouseholds = await Households.LinkedHouseholds.CountAsync(db, me);
        if (me.Has(Households.HouseholdsPermissions.View)) Care = await CareFigures.Handle(db, clock);
        AwaitingApproval = await ApprovalFigures.WaitingAsync(db, me);
        if (me.Has(Features.Needs.NeedsPermissions.View)) Needs = await NeedFigures.Handle(db, clock);
        if (me.Has(Features.Projects.ProjectsPermissions.View)) Projects = await ProjectFigures.Handle(db, me, clock);
        if (me.Has(Features.Organizations.OrganizationsPermissions.View)) Organizations = await OrganizationFigures.Handle(db);
        if (Features.Organizations.OrganizationAccess.Own(me) is { } own
            && await db.Organizations.Where(o => o.Id == own).Select(o => new { o.Id, o.Name, o.Status }).FirstOrDefaultAsync() is { } mine)
            MyOrganization = (mine.Id, mine.Name, mine.Status);
        if (Features.Organizations.OrganizationAccess.Own(me) is { } acting)
        {
            ReferredCasesWaiting = await Casework.ReferredCases.WaitingCountAsync(db, me);
            ReferredNeedsOpen = await Wushe.Features.Needs.ReferredNeeds.MatchedTo(db, acting).CountAsync(n => n.Status == Wushe.Features.Needs.NeedStatus.Matched || n.Status == Wushe.Features.Needs.NeedStatus.InProgress);
        }
        if (CompetitionHomeFigures.Applies(me)) Competitions = await CompetitionHomeFigures.Handle(db, me, clock);
        if (me.Has(Features.Charity.CharityPermissions.ViewFunds))
        {
            Charity = await Features.Charity.CharityFigures.Handle(db, me, clock);
        }
        if (me.Has(Features.Volunteers.VolunteersPermissions.View)) Volunteers = await VolunteerFigures.Handle(db, clock);
        if (me.Has(Features.Workforce.WorkforcePermissions.View)) Workforce = await WorkforceFigures.Handle(db, me, sealer, clock);
        if (me.Has(Features.Volunteers.VolunteersPermissions.Self))
        {
            MyVolunteer = (await Features.Volunteers.GetVolunteer.Mine(db, me, clock)).Value;
            MyHours = (await Features.Volunteers.Hours.MyHours.Handle(db, me, clock, 1, 10)).Value;
        }
        if (MyVolunteer is not null) MyPoints = (await Features.Volunteers.Points.MyPoints.Handle(db, me, clock, 1, 10)).Value?.Balance;
        if (me.Has(Features.Volunteers.Points.PointsPermissions.Merchant)) MyMerchant = (await Features.Volunteers.Points.MerchantHome.Handle(db, me, clock)).Value;
        if (me.Has(StationsPermissions.View)) Figures = await HomeFigures.Handle(db, me, clock);
        else Community = await CommunityHome.Handle(db, me, clock);
    }
}
