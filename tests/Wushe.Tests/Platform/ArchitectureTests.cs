using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Wushe.Tests.Platform;

/// <summary>
/// Boundaries that matter, checked on the compiled app (ArchUnitNET reads its IL): Platform is cross-cutting and
/// knows no feature; the data layer knows none but the account Identity is built on; and the rules the coming
/// modules must keep. Those future rules pass today because their subjects do not exist yet; the last test
/// shows that the same rule shape fails where a dependency does exist, so they are not green by mistake.
/// </summary>
public sealed class ArchitectureTests
{
    static readonly Architecture App = new ArchLoader().LoadAssemblies(typeof(Wushe.Data.AppDb).Assembly).Build();

    /// <summary>
    /// The types of a namespace and below, with the Razor views of the same folder: views compile to
    /// <c>AspNetCoreGeneratedDocument.Features_Stations_Details</c>, outside the feature's namespace.
    /// </summary>
    static GivenTypesConjunction In(string ns) =>
        Types().That().ResideInNamespaceOrBelow(ns)
            .Or().HaveFullNameMatching("^AspNetCoreGeneratedDocument\\." + ns["Wushe.".Length..].Replace('.', '_') + "_");

    /// <summary>"Types in <paramref name="subject"/> depend on nothing <paramref name="forbidden"/> names."</summary>
    static ArchRule<IType> Never(string subject, IObjectProvider<IType> forbidden) =>
        In(subject).Should().NotDependOnAny(forbidden).WithoutRequiringPositiveResults();

    static IObjectProvider<IType> Features => In("Wushe.Features").As("any feature");

    static IObjectProvider<IType> CharityLedger => In("Wushe.Features.Charity").As("the charity ledger");

    static IObjectProvider<IType> Money =>
        In("Wushe.Features.Charity").Or().HaveFullName(typeof(Wushe.Platform.Money).FullName!).As("money");

    [Fact]
    public void Platform_knows_no_feature()
    {
        Assert.NotEmpty(In("Wushe.Platform").GetObjects(App));
        Never("Wushe.Platform", Features).Check(App);
    }

    [Fact]
    public void The_data_layer_knows_no_feature_but_the_account_Identity_is_built_on()
    {
        // AppDb is an IdentityUserContext<User>: the one feature type it may name. Feature entities come in
        // through their IEntityTypeConfiguration (ApplyConfigurationsFromAssembly), never by name.
        var features = In("Wushe.Features").And().AreNot(typeof(Wushe.Features.Accounts.User)).As("any feature but the account");
        Assert.NotEmpty(In("Wushe.Data").GetObjects(App));
        Never("Wushe.Data", features).Check(App);
    }

    [Fact]
    public void Households_and_casework_never_touch_the_charity_ledger()
    {
        Never("Wushe.Features.Households", CharityLedger).Check(App);
        Never("Wushe.Features.Casework", CharityLedger).Check(App);
    }

    [Fact]
    public void Competitions_move_fund_money_only_through_the_charity_feature()
    {
        // A fund-backed call's money moves through Charity's AwardFunding (ADR 0018): competitions never post a fund entry themselves.
        var ledger = Types().That().HaveFullName(typeof(Wushe.Features.Charity.FundLedger).FullName!)
            .Or().HaveFullName(typeof(Wushe.Features.Charity.FundEntry).FullName!).As("the fund ledger's writer and entries");
        Assert.NotEmpty(In("Wushe.Features.Competitions").GetObjects(App));
        Never("Wushe.Features.Competitions", ledger).Check(App);
        Assert.False(Never("Wushe.Features.Charity", ledger).HasNoViolations(App));
    }

    [Fact]
    public void Volunteer_points_never_touch_money() => Never("Wushe.Features.Volunteers", Money).Check(App);

    [Fact]
    public void The_rules_fail_where_a_dependency_exists()
    {
        // Station pages show contract amounts (Money.Yuan) and stations lie in areas: the same rule shapes must fail
        // there, or a filter that matches nothing would let the rules above pass whatever the code does.
        Assert.False(Never("Wushe.Features.Stations", Money).HasNoViolations(App));
        Assert.False(Never("Wushe.Features.Stations", In("Wushe.Features.Areas")).HasNoViolations(App));
        Assert.False(Never("Wushe.Features", Features).HasNoViolations(App));
    }
}
