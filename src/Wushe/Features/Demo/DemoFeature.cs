using Wushe.Platform.Composition;
using Wushe.Platform.Web;

namespace Wushe.Features.Demo;

/// <summary>The demo's part of the start-up banner: who to sign in as.</summary>
public sealed class DemoFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddSingleton<IBannerLines, DemoBanner>();

    sealed class DemoBanner : IBannerLines
    {
        public IEnumerable<string> Lines(IConfiguration config)
        {
            if (!config.GetValue("Wushe:Demo:Seed", false)) yield break;
            yield return $"Demo sign-ins (password for all: {DemoData.Password}):";
            foreach (var u in DemoData.Accounts) yield return $"  {u.UserName,-16} {u.Description}";
        }
    }
}
