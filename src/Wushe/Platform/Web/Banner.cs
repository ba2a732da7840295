using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Wushe.Features.Demo;

namespace Wushe.Platform.Web;

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
        if (app.Configuration.GetValue("Wushe:Demo:Seed", false))
        {
            Console.WriteLine($"  Demo sign-ins (password for all: {DemoData.Password}):");
            foreach (var u in DemoData.Accounts) Console.WriteLine($"    {u.UserName,-16} {u.Description}");
        }
        Console.WriteLine();
    }
}
