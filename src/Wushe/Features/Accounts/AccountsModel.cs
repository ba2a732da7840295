using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts;

sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(50);
        // A mobile number is a sign-in name and an ID number a person: each belongs to one account.
        b.OwnsSealed(x => x.Phone, "Phone", unique: true);
        b.OwnsSealed(x => x.IdNumber, "IdNumber", unique: true);
    }
}

sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => new { x.UserId, x.Role, x.AreaCode }).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>How accounts read in the audit log. Secrets (password hash, security stamp) and sealed values say only that they changed.</summary>
sealed class AccountsVocabulary : Platform.Audit.IAuditVocabulary
{
    public void Describe(Platform.Audit.AuditVocabulary v)
    {
        v.Entity<User>("用户", "User")
            .Name(Describe)
            .Field(x => x.UserName, "用户名", "User name")
            .Field(x => x.DisplayName, "姓名", "Name")
            .Area(x => x.HomeAreaCode, "所属区划", "Home area")
            .Field(x => x.Phone, "手机号码", "Mobile")
            .Field(x => x.IdNumber, "身份证号码", "ID number")
            .Field(x => x.IsDisabled, "停用", "Disabled", state: true)
            .Field(x => x.MustChangePassword, "须修改密码", "Must change password")
            .Sensitive(x => x.PasswordHash, "密码", "Password")
            .Sensitive(x => x.SecurityStamp, "安全标识（登录会话）", "Security stamp (sessions)")
            .Sensitive(x => x.Email, "电子邮箱", "Email")
            .Field(x => x.EmailConfirmed, "邮箱已验证", "Email confirmed", onCreate: false)
            .Sensitive(x => x.PhoneNumber, "电话号码", "Phone number")
            .Field(x => x.PhoneNumberConfirmed, "电话已验证", "Phone confirmed", onCreate: false)
            .Field(x => x.TwoFactorEnabled, "双因素认证", "Two-factor sign-in", onCreate: false)
            .Field(x => x.LockoutEnd, "锁定截止时间", "Locked until", state: true)
            .Field(x => x.LockoutEnabled, "允许锁定", "Lockout enabled", onCreate: false)
            .Field(x => x.AccessFailedCount, "连续登录失败次数", "Failed sign-ins in a row")
            .Ignore(x => x.NormalizedUserName, x => x.NormalizedEmail, x => x.ConcurrencyStamp, x => x.CreatedAt);

        v.Entity<RoleAssignment>("角色分配", "Role assignment")
            .NameOf<User>(x => x.UserId)
            .Field(x => x.UserId, "用户", "User")
            .Field(x => x.Role, "角色", "Role")
            .Area(x => x.AreaCode, "管辖区划", "Area")
            .Field(x => x.OrganizationId, "社会组织", "Organization");

        // Identity's own tables: not written by Wushe today, named so that a future use reads well.
        v.Entity<IdentityUserClaim<Guid>>("用户声明", "User claim")
            .NameOf<User>(x => x.UserId)
            .Field(x => x.UserId, "用户", "User")
            .Field(x => x.ClaimType, "声明类型", "Claim type")
            .Sensitive(x => x.ClaimValue, "声明值", "Claim value");
        v.Entity<IdentityUserLogin<Guid>>("外部登录", "External sign-in")
            .NameOf<User>(x => x.UserId)
            .Field(x => x.UserId, "用户", "User")
            .Field(x => x.LoginProvider, "登录方式", "Provider")
            .Sensitive(x => x.ProviderKey, "外部账号", "External account")
            .Field(x => x.ProviderDisplayName, "登录方式名称", "Provider name");
        v.Entity<IdentityUserToken<Guid>>("用户令牌", "User token")
            .NameOf<User>(x => x.UserId)
            .Field(x => x.UserId, "用户", "User")
            .Field(x => x.LoginProvider, "登录方式", "Provider")
            .Field(x => x.Name, "令牌名称", "Token name")
            .Sensitive(x => x.Value, "令牌", "Token");

        v.Enum<Role>(Roles.Label);
    }

    /// <summary>"张三 (zhangsan)": the display name people know, and the user name that tells two 张三 apart.</summary>
    static string Describe(User u) => string.IsNullOrEmpty(u.UserName) ? u.DisplayName : $"{u.DisplayName} ({u.UserName})";
}
