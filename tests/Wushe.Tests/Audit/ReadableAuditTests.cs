using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Demo;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Audit;

/// <summary>
/// The audit log reads as civil-affairs staff speak: names of entities and fields, the object's own
/// name, the area's name, old → new values — and never a sealed value.
/// </summary>
public sealed class ReadableAuditTests(TestApp app)
{
    static List<JsonElement> Rows(JsonElement page, Guid key) =>
        page.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("entityKey").GetString() == key.ToString()).ToList();

    static List<string> Texts(JsonElement row) => row.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("text").GetString()!).ToList();

    async Task<(Guid Id, string Township)> NewStation(HttpClient huaibei, string name)
    {
        var township = await Places.NewTownshipAsync(app, "审计镇" + Guid.NewGuid().ToString("N")[..4]);
        var created = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new
        {
            areaCode = township, level = "TownshipStation", name, contactName = "王老师", contactPhone = "13900004321", openedOn = "2025-03-01",
        })).Expect(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), township);
    }

    [Fact]
    public async Task A_station_change_reads_as_names_and_old_to_new_values_and_never_shows_the_phone()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (id, township) = await NewStation(huaibei, "审计社工站");
        await (await huaibei.PutAsJsonAsync($"/api/v1/stations/{id}", new
        {
            areaCode = township, level = "TownshipStation", name = "审计社会工作服务站", contactName = "王老师", contactPhone = "13900009876", openedOn = "2025-04-02",
        })).Expect(HttpStatusCode.OK);
        await (await huaibei.PostAsync($"/api/v1/stations/{id}/close", null)).Expect(HttpStatusCode.OK);

        using var admin = await app.CreateClientAsync("admin");
        using var response = await admin.GetAsync("/api/v1/audit?entity=Station&size=100");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("13900004321", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13900009876", text, StringComparison.Ordinal);
        var rows = Rows(await response.Expect(HttpStatusCode.OK), id);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("社工站", r.GetProperty("entityName").GetString());
            Assert.StartsWith("测试县 审计镇", r.GetProperty("areaName").GetString(), StringComparison.Ordinal);
            Assert.Equal("huaibei", r.GetProperty("userName").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("actorName").GetString()));
            Assert.Equal("民政局工作人员", r.GetProperty("roleName").GetString());
        });

        // Newest first: closed, renamed, registered — each named as the station was called then.
        var (closed, renamed, created) = (rows[0], rows[1], rows[2]);
        Assert.Equal("新增", created.GetProperty("actionName").GetString());
        Assert.Equal("审计社工站", created.GetProperty("objectName").GetString());
        var initial = Texts(created);
        Assert.Contains("站点名称：审计社工站", initial);
        Assert.Contains("站点层级：乡镇（街道）社工站", initial);
        Assert.Contains("建站日期：2025-03-01", initial);
        Assert.Contains("联系电话：已填写", initial);

        Assert.Equal("修改", renamed.GetProperty("actionName").GetString());
        Assert.Equal("审计社会工作服务站", renamed.GetProperty("objectName").GetString());
        var changes = Texts(renamed);
        Assert.Contains("站点名称：审计社工站 → 审计社会工作服务站", changes);
        Assert.Contains("建站日期：2025-03-01 → 2025-04-02", changes);
        Assert.Contains("联系电话：已修改", changes);
        Assert.DoesNotContain(changes, c => c.Contains("Version", StringComparison.Ordinal) || c.Contains("版本", StringComparison.Ordinal));

        Assert.Equal("状态变更", closed.GetProperty("actionName").GetString());
        Assert.Equal(["状态：正常 → 停用"], Texts(closed));

        // The raw record is there too, for programs.
        Assert.Equal("Station", renamed.GetProperty("entity").GetString());
        Assert.Contains("Name", renamed.GetProperty("fields").GetString()!.Split(','));
        Assert.Equal(township, renamed.GetProperty("areaCode").GetString());
    }

    [Fact]
    public async Task In_English_the_same_records_read_in_English()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (id, _) = await NewStation(huaibei, "英文社工站");
        await (await huaibei.PostAsync($"/api/v1/stations/{id}/close", null)).Expect(HttpStatusCode.OK);

        using var admin = await app.CreateClientAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var rows = Rows(await (await admin.GetAsync("/api/v1/audit?entity=Station&size=100")).Expect(HttpStatusCode.OK), id);
        Assert.Equal("Station", rows[0].GetProperty("entityName").GetString());
        Assert.Equal("State change", rows[0].GetProperty("actionName").GetString());
        Assert.Equal(["Status: Active → Closed"], Texts(rows[0]));
        Assert.Contains("Level: Township station", Texts(rows[1]));
        Assert.Contains("Contact phone: set", Texts(rows[1]));
    }

    [Fact]
    public async Task A_user_is_named_by_name_and_user_name_and_its_ID_number_and_password_only_said_to_have_changed()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var township = await Places.NewTownshipAsync(app);
        var userName = "aud." + Guid.NewGuid().ToString("N")[..8];
        var idNumber = Numbers.ResidentIdNumber();
        var created = await (await huaibei.PostAsJsonAsync("/api/v1/users", new
        {
            userName, displayName = "审计张三", phone = Numbers.Mobile(), homeAreaCode = township, password = DemoData.Password,
            roles = new[] { new { role = "StationWorker", areaCode = township } },
        })).Expect(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await (await huaibei.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "审计张四", homeAreaCode = township, idNumber })).Expect(HttpStatusCode.NoContent);
        await (await huaibei.PostAsJsonAsync($"/api/v1/users/{id}/password", new { newPassword = "Changed2026x" })).Expect(HttpStatusCode.NoContent);

        using var admin = await app.CreateClientAsync("admin");
        using var response = await admin.GetAsync($"/api/v1/audit?entity=User&size=100");
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(idNumber, raw, StringComparison.Ordinal);
        var rows = Rows(await response.Expect(HttpStatusCode.OK), id);
        var renamed = Assert.Single(rows, r => Texts(r).Contains("姓名：审计张三 → 审计张四"));
        Assert.Equal($"审计张四 ({userName})", renamed.GetProperty("objectName").GetString());
        Assert.Contains("身份证号码：已修改", Texts(renamed));
        Assert.Contains(rows, r => Texts(r).Contains("密码：已修改"));
        Assert.Equal($"审计张三 ({userName})", rows.Single(r => r.GetProperty("action").GetString() == "Create").GetProperty("objectName").GetString());
        Assert.All(rows, r => Assert.DoesNotContain(r.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() is "PasswordHash" && c.TryGetProperty("new", out var v) && v.ValueKind == JsonValueKind.String));
        var stored = await app.Query(db => db.AuditRecords.AsNoTracking().Where(r => r.EntityKey == id.ToString()).Select(r => r.Changes ?? "").ToListAsync());
        Assert.DoesNotContain(stored, c => c.Contains(idNumber, StringComparison.Ordinal) || c.Contains("AQAAAA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_purchase_is_named_by_its_station_and_contract_and_shows_its_amount_in_yuan()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (station, _) = await NewStation(huaibei, "合同审计站");
        var contractNo = "HB-AUD-" + Guid.NewGuid().ToString("N")[..6];
        await (await huaibei.PostAsJsonAsync($"/api/v1/stations/{station}/purchases", new
        {
            purchaser = "测试县民政局", provider = "测试社工机构", contractNo, amountYuan = 120000.5m, startOn = "2026-01-01", endOn = "2026-12-31", source = "CountyBudget",
        })).Expect(HttpStatusCode.Created);

        using var admin = await app.CreateClientAsync("admin");
        var page = await (await admin.GetAsync("/api/v1/audit?entity=ServicePurchase&size=100")).Expect(HttpStatusCode.OK);
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("objectName").GetString() == $"合同审计站 · {contractNo}");
        Assert.Equal("政府购买服务合同", row.GetProperty("entityName").GetString());
        var texts = Texts(row);
        Assert.Contains("合同金额：¥120,000.50", texts);
        Assert.Contains("资金来源：县级财政", texts);
        Assert.DoesNotContain(texts, t => t.Contains("社工站：", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_ins_and_failures_name_the_account_and_say_why_in_words()
    {
        var userName = await app.CreateUserAsync();
        using (var anonymous = app.Anonymous())
            await (await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { login = userName, password = "Wrong-guess-1" })).Expect(HttpStatusCode.BadRequest);
        await app.TokenAsync(userName, DemoData.Password);

        using var admin = await app.CreateClientAsync("admin");
        var page = await (await admin.GetAsync($"/api/v1/audit?userName={userName}&size=100")).Expect(HttpStatusCode.OK);
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        var failed = Assert.Single(rows, r => r.GetProperty("action").GetString() == "SignInFailed");
        Assert.Equal("登录失败", failed.GetProperty("actionName").GetString());
        Assert.Equal("密码错误", failed.GetProperty("reasonText").GetString());
        Assert.Equal($"测试用户 ({userName})", failed.GetProperty("objectName").GetString());
        Assert.Equal("用户", failed.GetProperty("entityName").GetString());
        var signIn = Assert.Single(rows, r => r.GetProperty("action").GetString() == "SignIn");
        Assert.Equal("登录", signIn.GetProperty("actionName").GetString());
    }

    [Fact]
    public async Task A_lockout_reads_as_a_refused_sign_in_of_the_named_account()
    {
        var userName = await app.CreateUserAsync();
        using (var anonymous = app.Anonymous())
            for (var i = 0; i < 5; i++)
                await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { login = userName, password = "Wrong-guess-" + i });
        var id = await app.Query(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

        using var admin = await app.CreateClientAsync("admin");
        var rows = Rows(await (await admin.GetAsync("/api/v1/audit?entity=User&action=SignInFailed&size=100")).Expect(HttpStatusCode.OK), id);
        var locked = Assert.Single(rows, r => r.GetProperty("reason").GetString() == "lockout");
        Assert.Equal($"测试用户 ({userName})", locked.GetProperty("objectName").GetString());
        Assert.Equal("连续输错密码，已锁定该来源地址", locked.GetProperty("reasonText").GetString());
        Assert.Equal("Denied", locked.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task The_audit_page_shows_names_and_values_and_no_code_names_or_ids()
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var (id, _) = await NewStation(huaibei, "页面审计站");
        await (await huaibei.PostAsync($"/api/v1/stations/{id}/close", null)).Expect(HttpStatusCode.OK);

        using var admin = await app.CreateClientAsync("admin");
        using var response = await admin.GetAsync("/Admin/Audit?entity=Station&size=100");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = System.Net.WebUtility.HtmlDecode(html[html.IndexOf("<main", StringComparison.Ordinal)..]);
        foreach (var header in new[] { "操作时间", "操作人", "操作", "对象", "区划", "变更内容", "结果", "来源 IP" }) Assert.Contains($">{header}</th>", main, StringComparison.Ordinal);
        Assert.Contains("页面审计站", main, StringComparison.Ordinal);
        Assert.Contains("状态：正常 → 停用", main, StringComparison.Ordinal);
        Assert.Contains("站点名称：页面审计站", main, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Station\" selected=\"selected\">社工站</option>", main, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), main, StringComparison.OrdinalIgnoreCase);
        var table = main[main.IndexOf("<table", StringComparison.Ordinal)..main.IndexOf("</table>", StringComparison.Ordinal)];
        foreach (var code in new[] { ">Station<", "StandardChecked", "ContactPhone", ">TownshipStation<", "340699" }) Assert.DoesNotContain(code, table, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_audited_entity_field_and_enum_has_a_name_for_people()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDb>().Model;
        var vocabulary = AuditVocabulary.Current;
        var missing = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned() && vocabulary.IsAudited(e.ClrType)))
        {
            var declared = vocabulary.Find(entity.ClrType);
            if (declared is null) { missing.Add($"entity {entity.ClrType.Name}"); continue; }
            Assert.NotEqual(declared.Name, declared.Zh);
            var key = entity.FindPrimaryKey()!.Properties.Select(p => p.Name).ToHashSet();
            foreach (var p in entity.GetProperties().Where(p => !key.Contains(p.Name) && !p.IsShadowProperty()))
            {
                if (declared.IsIgnored(p.Name)) continue;
                if (declared.Field(p.Name) is not { } field) { missing.Add($"{entity.ClrType.Name}.{p.Name}"); continue; }
                if ((Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) is { IsEnum: true } e && !vocabulary.HasEnumLabels(e)) missing.Add($"enum {e.Name}");
                Assert.False(string.IsNullOrWhiteSpace(field.Zh) || string.IsNullOrWhiteSpace(field.En), $"{entity.ClrType.Name}.{p.Name}");
            }
            foreach (var owned in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
                if (declared.Field(owned.Name) is not { Kind: AuditFieldKind.Sensitive }) missing.Add($"{entity.ClrType.Name}.{owned.Name} (sealed: declare it, never copied)");
            // Nothing declared that the model does not have (a renamed property would leave a stale name behind).
            foreach (var field in declared.Fields)
                if (entity.FindProperty(field.Property) is null && entity.FindNavigation(field.Property) is null) missing.Add($"{entity.ClrType.Name}.{field.Property} (declared, not mapped)");
        }
        Assert.True(missing.Count == 0, "Declare in the feature's IAuditVocabulary: " + string.Join(", ", missing.Distinct()));
    }

    [Fact]
    public void Every_enum_value_an_audit_record_can_show_has_a_Chinese_and_an_English_label()
    {
        var vocabulary = AuditVocabulary.Current;
        var enums = vocabulary.Entities.SelectMany(e => e.Fields).Select(f => Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType).Where(t => t.IsEnum)
            .Concat([typeof(AuditAction), typeof(AuditOutcome)]).Distinct();
        foreach (var type in enums)
            foreach (var value in Enum.GetValues(type))
            {
                using (new ChineseCulture())
                {
                    var zh = vocabulary.EnumLabel(type, value);
                    Assert.True(zh != value.ToString() && zh.Any(c => c > 0x2E80), $"{type.Name}.{value} has no Chinese label (got \"{zh}\")");
                }
                var before = System.Globalization.CultureInfo.CurrentUICulture;
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
                try
                {
                    var en = vocabulary.EnumLabel(type, value);
                    Assert.True(en.Length > 0 && !en.Any(c => c > 0x2E80), $"{type.Name}.{value} has no English label (got \"{en}\")");
                }
                finally
                {
                    System.Globalization.CultureInfo.CurrentUICulture = before;
                }
            }
    }
}
