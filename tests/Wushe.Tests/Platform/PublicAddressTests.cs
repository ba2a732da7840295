using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Wushe.Platform.Web;

namespace Wushe.Tests.Platform;

/// <summary>The public address printed in QR codes: required in production, never the caller's Host header there.</summary>
public sealed class PublicAddressTests
{
    sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Wushe";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    static IConfiguration Config(string? value) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [PublicAddress.Setting] = value }).Build();

    [Fact]
    public void Production_without_the_setting_does_not_start_and_says_which_setting_to_give()
    {
        var message = PublicAddress.Require(Config(""), new Environment("Production"));
        Assert.NotNull(message);
        Assert.Contains("Wushe__PublicBaseUrl", message);
        Assert.Null(PublicAddress.Require(Config("https://wushe.example.gov.cn/"), new Environment("Production")));
        Assert.NotNull(PublicAddress.Require(Config("wushe.example.gov.cn"), new Environment("Production")));
        Assert.NotNull(PublicAddress.Require(Config("ftp://wushe.example.gov.cn"), new Environment("Production")));
        Assert.NotNull(PublicAddress.Require(Config("https://wushe.example.gov.cn/app?x=1"), new Environment("Production")));
    }

    [Fact]
    public void Development_and_testing_may_fall_back_to_the_request_address()
    {
        Assert.Null(PublicAddress.Require(Config(null), new Environment("Development")));
        Assert.Null(PublicAddress.Require(Config(null), new Environment("Testing")));
    }
}
