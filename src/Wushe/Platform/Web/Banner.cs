using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Wushe.Platform.Web;

/// <summary>Lines a feature adds to the start-up banner (the demo's sign-ins); register it in the feature's <c>AddServices</c>.</summary>
public interface IBannerLines
{
    IEnumerable<string> Lines(IConfiguration config);
}

/// <summary>Tells a newcomer where to open the app and how to sign in.</summary>
public static class Banner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("  五社联动平台 Wushe is running.");
        foreach (var a in addresses) Console.WriteLine($"  Open: {a.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal)}");
        Console.WriteLine($"  API reference: /api/docs   OpenAPI: /openapi/v1.json   Health: /health/ready");
        foreach (var line in app.Services.GetServices<IBannerLines>().SelectMany(b => b.Lines(app.Configuration))) Console.WriteLine("  " + line);
        Console.WriteLine();
    }
}
