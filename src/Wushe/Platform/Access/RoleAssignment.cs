namespace Wushe.Platform.Access;

/// <summary>One role of a user, with the area it covers (and, for organization staff, the organization).</summary>
public sealed class RoleAssignment
{
    private RoleAssignment() { AreaCode = ""; }

    public RoleAssignment(Guid userId, Role role, string areaCode, Guid? organizationId = null)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Role = role;
        AreaCode = areaCode;
        OrganizationId = organizationId;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }

    /// <summary>12-digit code the role covers; "000000000000" for the whole country (platform admin).</summary>
    public string AreaCode { get; private set; }
    public Guid? OrganizationId { get; private set; }
}
