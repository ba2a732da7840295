using Wushe.Platform.Access;
using Wushe.Platform.Composition;

namespace Wushe.Tests.Platform;

/// <summary>The left menu: each role sees what it may open; the self-service pages only their own role (not the admin, who holds every permission).</summary>
public sealed class NavTests
{
    static List<string> Menu(Role role, string area) =>
        Nav.For(new CurrentUser(Guid.NewGuid(), "menu", [new Assignment(role, area, "", null)], null)).SelectMany(g => g.Items).Select(i => i.Href).ToList();

    [Fact]
    public void The_admin_sees_the_staff_pages_but_no_volunteer_or_merchant_self_service_page()
    {
        var admin = Menu(Role.PlatformAdmin, Scope.Country);
        Assert.Contains("/Volunteers", admin);
        Assert.Contains("/Volunteers/Points/Merchants", admin);
        Assert.DoesNotContain("/Volunteers/Points", admin);
        Assert.DoesNotContain("/Volunteers/Me", admin);
        Assert.DoesNotContain("/Volunteers/Points/Shop", admin);
    }

    [Fact]
    public void A_volunteer_and_a_merchant_see_their_own_pages()
    {
        var volunteer = Menu(Role.Volunteer, Scope.Country);
        Assert.Contains("/Volunteers/Points", volunteer);
        Assert.Contains("/Volunteers/Me", volunteer);
        Assert.DoesNotContain("/Volunteers/Points/Shop", volunteer);
        Assert.DoesNotContain("/Volunteers", volunteer);
        var merchant = Menu(Role.Merchant, Scope.Country);
        Assert.Contains("/Volunteers/Points/Shop", merchant);
        Assert.DoesNotContain("/Volunteers/Points", merchant);
    }
}
