using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wushe.Tests.Platform;

/// <summary>No personal data in any log line (DESIGN.md): a value that does not bind may be a phone or ID number.</summary>
public sealed class LoggingTests(TestApp app)
{
    const string Phone = "13812345678";
    const string IdNumber = "11010519491231002X";

    [Fact]
    public async Task Values_that_do_not_bind_never_reach_a_log_line_at_any_level()
    {
        var logs = new CapturingLogs();
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Trace");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            b.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
            b.ConfigureServices(s => s.AddLogging(l => l.AddProvider(logs)));
        });
        using var client = host.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync("admin", Features.Demo.DemoData.Password));

        // API query values that do not parse as their type; a body value that does not; a search that carries a phone number.
        foreach (var path in new[] { $"/api/v1/users?page={Phone}", $"/api/v1/audit?from={IdNumber}", $"/api/v1/stations?level={Phone}", $"/api/v1/users?keyword={Phone}" })
            (await client.GetAsync(path)).Dispose();
        (await client.PostAsJsonAsync("/api/v1/supervisions", new { stationId = Phone, visitedOn = IdNumber })).Dispose();
        // Pages bind their query too.
        foreach (var path in new[] { $"/Admin/Users?status={Phone}&keyword={IdNumber}", $"/Stations?page={Phone}", $"/Admin/Audit?from={IdNumber}" })
            (await client.GetAsync(path)).Dispose();

        Assert.Contains(logs.Lines, l => l.Contains("Handled Invalid", StringComparison.Ordinal)); // the capture works, and binding failures were logged
        var leaked = logs.Lines.Where(l => l.Contains(Phone, StringComparison.Ordinal) || l.Contains(IdNumber, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, $"{leaked.Count} log line(s) quote a value:\n" + string.Join("\n", leaked.Take(5)));
    }

    /// <summary>Every message, its structured values and its exception, at every level.</summary>
    sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose() { }

        sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
            }
        }
    }
}
