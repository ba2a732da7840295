using System.Globalization;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// One household with its members and its history, as three years of a township station's work leave it:
/// registered on a day of the last three years (a quarter on the first day of the programme, the survey), a card from the
/// county's scheme (≈15% re-assessed once since), visits every card interval — mostly a few days early, sometimes late —
/// each with its participants (the responsible worker, sometimes a colleague or a volunteer) and a service record whose
/// beneficiaries are the members born by then. About 15% of the active households are left overdue on <c>--today</c>
/// (their visits stop one interval and some days before it), the rest are visited in time.
/// </summary>
sealed class VisitHistory(GenContext ctx, Dictionary<string, Guid> tags, Random r)
{
    readonly HashSet<string> ids = new(StringComparer.Ordinal);
    long phone = 15800000000L;
    readonly DateOnly start = ctx.Today.AddYears(-3);

    static readonly string[] Living = ["居住环境整洁，生活基本自理", "房屋老旧，冬季取暖需关注", "家中卫生较差，已协助清理", "饮食规律，存粮充足", "居住安全，水电正常"];
    static readonly string[] HealthText = ["身体状况稳定", "高血压，按时服药", "腿脚不便，行动需搀扶", "糖尿病，需定期复查", "近期感冒已好转", "精神状态良好"];
    static readonly string[] SafetyText = ["无安全隐患", "电线老化，已报村委会", "燃气使用规范", "已提醒防滑防跌倒"];
    static readonly string[] NeedsText = ["", "", "需要代购药品", "希望有人陪同就医", "孩子学习需辅导", "申请临时救助", "需要助餐服务"];
    static readonly string[] Follow = ["", "", "", "联系村医上门", "协助申请临时救助", "下次探访带助行器", "与学校老师沟通"];
    static readonly string[] Health = ["", "", "", "高血压", "糖尿病", "腿脚不便", "听力下降", "慢性支气管炎"];
    static readonly string[] Volunteers = ["刘晓雨", "陈小红", "杨志愿", "王青青", "赵明"];
    static readonly ServiceKind[] OnTheSpot = [ServiceKind.LifeCare, ServiceKind.Counselling, ServiceKind.MedicalCare, ServiceKind.LegalAid];

    public void Household(Households.Batch b, (string Code, string Name) place, CardScheme scheme, List<Households.Worker> staff)
    {
        var registered = r.Next(4) == 0 ? start : start.AddDays(r.Next(0, ctx.Today.DayNumber - start.DayNumber - 20));
        var at = ctx.At(registered, 9);
        var address = place.Code[9] >= '2'
            ? $"{place.Name}{r.Next(1, 16)}组{r.Next(1, 90)}号"
            : $"{place.Name}{Names.Place(r)}路{r.Next(1, 300)}号{r.Next(1, 12)}栋{r.Next(1, 5)}单元";
        var h = new Household(place.Code, address, at);
        var worker = r.Next(20) == 0 ? null : staff[r.Next(staff.Count)];
        if (worker is not null) h.AssignWorker(worker.Id, worker.Name);

        var kind = r.Next(100) switch { < 22 => Kind.AloneElderly, < 40 => Kind.ElderlyCouple, < 62 => Kind.LeftBehind, < 90 => Kind.Family, _ => Kind.Poor };
        var members = Members(h, kind, registered, at);
        b.Residents.AddRange(members);
        foreach (var m in members) Sensitive(b, h, m, kind, registered, at, worker);
        var head = members[0];
        h.SetHead(head.Name);
        h.SetMemberCount(members.Count);

        // The card: the riskier kinds of household get the more urgent colours.
        // About 0.8% red, 2% orange, 6% yellow, 28% blue, 58% green, 5% not yet rated (per mille below).
        var urgency = kind is Kind.AloneElderly or Kind.LeftBehind or Kind.Poor ? 1 : 0;
        var roll = r.Next(1000);
        int red = 55 + 5 * urgency, orange = red + 15 + 10 * urgency, yellow = orange + 45 + 30 * urgency;
        int? colour = roll < 50 ? null : roll < red ? 0 : roll < orange ? 1 : roll < yellow ? 2 : roll < 420 ? 3 : 4;
        DateOnly? changed = null;
        int? previous = null;
        if (colour is { } c)
        {
            var by = worker?.Name ?? "站点管理员";
            if (r.Next(100) < 15 && registered.DayNumber < ctx.Today.DayNumber - 200)
            {
                previous = Math.Clamp(c + (r.Next(2) == 0 ? -1 : 1), 0, 4);
                changed = registered.AddDays(r.Next(90, ctx.Today.DayNumber - registered.DayNumber - 30));
                b.Cards.Add(new CardAssignment(h, scheme, scheme.Colours[previous.Value], null, "入户评估定级", registered, worker?.Id, by, at));
                b.Cards.Add(new CardAssignment(h, scheme, scheme.Colours[c], scheme.Colours[previous.Value].Name, "复评调整：家庭情况变化", changed.Value, worker?.Id, by, ctx.At(changed.Value, 16)));
            }
            else b.Cards.Add(new CardAssignment(h, scheme, scheme.Colours[c], null, "入户评估定级", registered, worker?.Id, by, at));
            var card = scheme.Colours[c];
            h.SetCard(scheme.Id, card.Key, card.Name, card.VisitEveryDays);
        }
        int Interval(DateOnly d) => changed is { } x && d < x && previous is { } p ? scheme.Colours[p].VisitEveryDays
            : colour is { } k ? scheme.Colours[k].VisitEveryDays : VisitPlan.DefaultEveryDays;

        // The visits: the first within a week of registration, then by the card's interval.
        var days = new List<DateOnly>();
        for (var d = registered.AddDays(r.Next(0, 8)); d <= ctx.Today; )
        {
            days.Add(d);
            var every = Interval(d);
            d = r.Next(100) < 85 ? d.AddDays(Math.Max(1, every - r.Next(0, Math.Max(1, every / 5)))) : d.AddDays(every + r.Next(1, every / 3 + 2));
        }
        var closed = r.Next(50) == 0;
        if (!closed && r.Next(100) < 15)
        {
            // Overdue on the day: the visits stop some days before an interval ended.
            var late = r.Next(1, Interval(ctx.Today) + 1);
            while (days.Count > 0 && days[^1].AddDays(Interval(days[^1]) + late) >= ctx.Today) days.RemoveAt(days.Count - 1);
        }
        else if (!closed && days.Count > 0 && days[^1].AddDays(Interval(days[^1])) < ctx.Today)
        {
            var last = days[^1];
            var gap = ctx.Today.DayNumber - last.DayNumber;
            days.Add(ctx.Today.AddDays(-r.Next(0, Math.Min(gap - 1, Interval(ctx.Today)) + 1)));
        }
        foreach (var d in days) Visit(b, h, members, d, worker, staff);
        if (days.Count > 0) h.Visited(days[^1]);
        if (closed)
        {
            var reason = r.Next(3) switch { 0 => ClosureReason.MovedAway, 1 => ClosureReason.Died, _ => ClosureReason.NoLongerEligible };
            h.Close(reason, days.Count > 0 ? days[^1] : ctx.Today, "");
            // As EditHousehold does: a household closed as moved away frees its members' ID numbers.
            if (reason == ClosureReason.MovedAway) foreach (var m in members) m.ReleaseIdNumber(true);
        }
        b.Households.Add(h);
    }

    enum Kind { AloneElderly, ElderlyCouple, LeftBehind, Family, Poor }

    List<Resident> Members(Household h, Kind kind, DateOnly registered, DateTimeOffset at)
    {
        var list = new List<Resident>();
        var surname = Names.Person(r)[..1];
        Resident Add(Relation relation, int minAge, int maxAge, Sex? sex = null, bool family = true)
        {
            var s = sex ?? (r.Next(2) == 0 ? Sex.Male : Sex.Female);
            var birth = ctx.Today.AddDays(-r.Next(minAge * 365, maxAge * 365 + 365));
            if (birth > registered) birth = registered.AddDays(-r.Next(1, 300));
            var name = Names.Person(r);
            if (family) name = surname + name[1..];
            var m = new Resident(h, name, s, birth, relation, at);
            list.Add(m);
            return m;
        }
        switch (kind)
        {
            case Kind.AloneElderly:
                Add(Relation.Head, 65, 94);
                break;
            case Kind.ElderlyCouple:
                Add(Relation.Head, 62, 90, Sex.Male);
                Add(Relation.Spouse, 60, 88, Sex.Female, family: false);
                break;
            case Kind.LeftBehind:
                Add(Relation.Head, 56, 80, Sex.Male);
                if (r.Next(3) > 0) Add(Relation.Spouse, 54, 78, Sex.Female, family: false);
                for (var i = r.Next(1, 4); i > 0; i--) Add(Relation.Grandchild, 1, 16);
                break;
            case Kind.Family:
                Add(Relation.Head, 30, 55, Sex.Male);
                if (r.Next(6) > 0) Add(Relation.Spouse, 28, 52, Sex.Female, family: false);
                for (var i = r.Next(1, 4); i > 0; i--) Add(Relation.Child, 0, 20);
                if (r.Next(3) == 0) Add(Relation.Parent, 60, 88);
                break;
            default:
                Add(Relation.Head, 35, 70);
                for (var i = r.Next(0, 4); i > 0; i--) Add(r.Next(2) == 0 ? Relation.Child : Relation.Sibling, 5, 45);
                break;
        }
        // A few members have died or moved away since registration.
        foreach (var m in list.Skip(1))
            if (r.Next(100) < 3)
                m.Leave(ChinaTime.AgeOn(m.BirthDate, ctx.Today) >= 70 ? ResidentStatus.Deceased : ResidentStatus.MovedOut, registered.AddDays(r.Next(0, Math.Max(1, ctx.Today.DayNumber - registered.DayNumber))), "");
        return list;
    }

    /// <summary>ID number, phone, guardian, health, tags and the guardian's consent for children under 14, as <see cref="ResidentFields"/> writes them.</summary>
    void Sensitive(Households.Batch b, Household h, Resident m, Kind kind, DateOnly registered, DateTimeOffset at, Households.Worker? worker)
    {
        var age = ChinaTime.AgeOn(m.BirthDate, registered);
        var adult = GuardianOf(h, b, m);
        if (age < ResidentFields.AdultAge)
        {
            var (gName, gRel) = adult is null ? (Names.Person(r), "其他监护人") : (adult.Name, adult.Sex == Sex.Male ? (m.Relation == Relation.Grandchild ? "祖父" : "父亲") : (m.Relation == Relation.Grandchild ? "祖母" : "母亲"));
            m.SetGuardian(gName, gRel, r.Next(2) == 0 ? Seal(SensitiveKind.Phone, NextPhone()) : null);
            if (age < ResidentFields.ConsentAge)
            {
                // 个人信息保护法 §31: the guardian's separate consent before the child's sensitive fields are saved.
                if (r.Next(10) == 0) return;
                b.Consents.Add(new Consent(m, gName, gRel, true, ConsentScope.Sensitive, registered, worker?.Id, worker?.Name ?? "站点管理员", at));
            }
        }
        var id = NewId(h.AreaCode[..6], m.BirthDate, m.Sex);
        m.SetIdNumber(Seal(SensitiveKind.IdNumber, id), id[^4..]);
        if (age >= 18 && r.Next(100) < 65) m.SetPhone(Seal(SensitiveKind.Phone, NextPhone()));
        if (age >= 55) m.SetHealthNote(Health[r.Next(Health.Length)]);

        var picked = new List<string>(2);
        var ageNow = ChinaTime.AgeOn(m.BirthDate, ctx.Today);
        if (kind == Kind.AloneElderly && r.Next(100) < 75) picked.Add("独居老人");
        if (kind == Kind.ElderlyCouple && r.Next(100) < 45) picked.Add("空巢老人");
        if (ageNow >= 80 && r.Next(100) < 60) picked.Add("高龄老人");
        if (ageNow >= 65 && r.Next(100) < 8) picked.Add("失能半失能老人");
        if (kind == Kind.LeftBehind && ageNow < 16 && r.Next(100) < 80) picked.Add("留守儿童");
        if (ageNow < 18 && r.Next(100) < 4) picked.Add("困境儿童");
        if (r.Next(100) < 3) picked.Add("残疾人");
        if (kind == Kind.Poor && r.Next(100) < 55) picked.Add(r.Next(5) == 0 ? "特困供养人员" : "低保对象");
        else if (r.Next(100) < 4) picked.Add(r.Next(2) == 0 ? "低保对象" : "防返贫监测对象");
        foreach (var t in picked.Distinct().Take(2)) b.Tags.Add(new ResidentTag(m, tags[t]));
    }

    static Resident? GuardianOf(Household h, Households.Batch b, Resident child)
    {
        for (var i = b.Residents.Count - 1; i >= 0 && b.Residents[i].HouseholdId == h.Id; i--)
            if (b.Residents[i].Relation is Relation.Head or Relation.Spouse && b.Residents[i] != child) return b.Residents[i];
        return null;
    }

    void Visit(Households.Batch b, Household h, List<Resident> members, DateOnly on, Households.Worker? worker, List<Households.Worker> staff)
    {
        var by = worker ?? staff[r.Next(staff.Count)];
        var method = r.Next(100) switch { < 80 => VisitMethod.InPerson, < 95 => VisitMethod.Phone, _ => VisitMethod.Video };
        var names = new List<(Guid? Id, string Name, ParticipantKind Kind)> { (by.Id, by.Name, ParticipantKind.SocialWorker) };
        if (method == VisitMethod.InPerson && staff.Count > 1 && r.Next(100) < 20)
        {
            var other = staff[r.Next(staff.Count)];
            if (other.Id != by.Id) names.Add((other.Id, other.Name, ParticipantKind.SocialWorker));
        }
        if (method == VisitMethod.InPerson && r.Next(100) < 25) names.Add((null, Volunteers[r.Next(Volunteers.Length)], ParticipantKind.Volunteer));
        var visitors = string.Join("、", names.Select(n => n.Kind == ParticipantKind.Volunteer ? n.Name + "（志愿者）" : n.Name));
        var services = new List<ServiceKind>();
        if (r.Next(100) < 35) services.Add(OnTheSpot[r.Next(OnTheSpot.Length)]);
        var follow = Follow[r.Next(Follow.Length)];
        var v = new Visit(h, on, method, visitors, Living[r.Next(Living.Length)], HealthText[r.Next(HealthText.Length)], SafetyText[r.Next(SafetyText.Length)],
            NeedsText[r.Next(NeedsText.Length)], services, services.Count > 0 ? "现场提供服务" : "", follow, follow.Length > 0 ? on.AddDays(14) : null,
            by.Id, by.Name, ctx.At(on, 17));
        b.Visits.Add(v);
        foreach (var n in names) b.Participants.Add(new VisitParticipant(v, n.Id, n.Name, n.Kind));
        var served = method == VisitMethod.InPerson
            ? members.Where(m => m.BirthDate <= on && (m.Status == ResidentStatus.Active || on < ctx.Today.AddDays(-365))).ToList()
            : [members[0]];
        var record = new ServiceRecord(h.AreaCode, ServiceKind.HomeVisit, on, ServiceSource.Visit, v.Id, visitors.Length > 200 ? visitors[..200] : visitors,
            Features.Households.Visit.MethodLabel(method) + "探访", served.Count);
        b.Services.Add(record);
        foreach (var m in served) b.Beneficiaries.Add(new ServiceBeneficiary(record, m.Id));
    }

    SealedValue Seal(SensitiveKind kind, string plain) => ctx.Sealer.Seal(kind, plain);

    string NextPhone() => (++phone).ToString(CultureInfo.InvariantCulture);

    /// <summary>A valid 18-character ID (GB 11643): the county's code, the birth date, a sequence whose parity is the sex, and the check character; unique in the run.</summary>
    string NewId(string county, DateOnly birth, Sex sex)
    {
        while (true)
        {
            var seq = r.Next(0, 500) * 2 + (sex == Sex.Male ? 1 : 0);
            var first = $"{county}{birth:yyyyMMdd}{seq:000}";
            if (ids.Add(first)) return first + ResidentId.CheckChar(first);
        }
    }
}
