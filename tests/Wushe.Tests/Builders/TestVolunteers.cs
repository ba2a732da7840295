using System.Net;
using System.Net.Http.Json;

namespace Wushe.Tests.Builders;

/// <summary>Volunteers for tests: registered through the public join endpoint (an account with the volunteer role), signed in by phone.</summary>
public static class TestVolunteers
{
    public const string Password = "Volunteer2026";

    public sealed record Made(Guid Id, string VolunteerNo, string Phone);

    /// <summary>An adult volunteer living in <paramref name="community"/> (a 村/社区 code), with an account.</summary>
    public static async Task<Made> JoinAsync(TestApp app, string community, string name = "测试志愿者")
    {
        using var anonymous = app.Anonymous();
        var phone = Numbers.Mobile();
        var body = new
        {
            name, idNumber = Numbers.ResidentIdNumber(new DateOnly(1990, 1, 1).AddDays(Random.Shared.Next(0, 5000))), phone, areaCode = community,
            password = Password, consent = true,
        };
        var joined = await (await anonymous.PostAsJsonAsync("/api/v1/public/volunteers/join", body)).Expect(HttpStatusCode.Created);
        return new Made(joined.GetProperty("id").GetGuid(), joined.GetProperty("volunteerNo").GetString()!, phone);
    }

    public static Task<HttpClient> ClientAsync(TestApp app, Made volunteer) => app.CreateClientAsync(volunteer.Phone, Password);
}
