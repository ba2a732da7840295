using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;
using Wushe.Features.Demo;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Platform;

/// <summary>
/// A C# client generated from /openapi/v1.json (NSwag), compiled in the test (Roslyn), drives a journey through the API:
/// sign in, list stations, register one, read it back, read the coverage. The generated client throws on any status or
/// body the document does not state, so a document that lies fails here.
/// </summary>
public sealed class GeneratedClientTests(TestApp app)
{
    [Fact]
    public async Task A_client_generated_from_the_document_signs_in_lists_and_registers_stations_and_reads_coverage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = app.Anonymous();
        var json = await (await http.GetAsync("/openapi/v1.json", ct)).Content.ReadAsStringAsync(ct);
        var assembly = Compile(await Generate(json));
        var clientType = assembly.GetType("Generated.WusheClient", throwOnError: true)!;
        var client = Activator.CreateInstance(clientType, http)!;

        var signIn = New(assembly, "SignInRequest", new() { ["Login"] = "huaibei", ["Password"] = DemoData.Password });
        var token = await Call(client, "SignInAsync", signIn);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)Get(token, "AccessToken")!);

        var page = await Call(client, "ListStationsAsync");
        Assert.NotEmpty((System.Collections.IEnumerable)Get(page, "Items")!);

        var township = await Places.NewTownshipAsync(app);
        var request = New(assembly, "SaveStationRequest", new()
        {
            ["AreaCode"] = township,
            ["Level"] = "TownshipStation",
            ["Name"] = "客户端测试站" + township[6..9],
            ["OpenedOn"] = new DateOnly(2026, 3, 1),
        });
        var created = await Call(client, "RegisterStationAsync", request);
        var id = (Guid)Get(created, "Id")!;
        var station = await Call(client, "GetStationAsync", id);
        Assert.Equal("客户端测试站" + township[6..9], Get(station, "Name"));

        var coverage = await Call(client, "GetCoverageAsync", Places.County);
        Assert.NotNull(coverage);
    }

    static async Task<string> Generate(string json)
    {
        var document = await OpenApiDocument.FromJsonAsync(json);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "WusheClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.DateType = "System.DateOnly";
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        // NSwag uses its FileParameter for the multipart uploads but emits the class only with its file-response types.
        return code.Contains("class FileParameter", StringComparison.Ordinal) ? code : code + """

            namespace Generated
            {
                public partial class FileParameter(System.IO.Stream data, string? fileName = null, string? contentType = null)
                {
                    public System.IO.Stream Data { get; } = data;
                    public string? FileName { get; } = fileName;
                    public string? ContentType { get; } = contentType;
                }
            }
            """;
    }

    static Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(File.Exists).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Generated.WusheClient", [CSharpSyntaxTree.ParseText(code, cancellationToken: TestContext.Current.CancellationToken)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var dll = new MemoryStream();
        var emitted = compilation.Emit(dll, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(emitted.Success, "The generated client does not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        return Assembly.Load(dll.ToArray());
    }

    /// <summary>An instance of a generated model with the given properties; enum values by name.</summary>
    static object New(Assembly assembly, string name, Dictionary<string, object?> values)
    {
        var type = assembly.GetType("Generated." + name, throwOnError: true)!;
        var instance = Activator.CreateInstance(type)!;
        foreach (var (property, value) in values)
        {
            var p = type.GetProperty(property) ?? throw new InvalidOperationException($"{name} has no {property}: {string.Join(", ", type.GetProperties().Select(x => x.Name))}");
            var target = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            p.SetValue(instance, value is string s && target.IsEnum ? Enum.Parse(target, s) : value);
        }
        return instance;
    }

    static object? Get(object instance, string property) =>
        (instance.GetType().GetProperty(property) ?? throw new InvalidOperationException($"{instance.GetType().Name} has no {property}")).GetValue(instance);

    /// <summary>Calls an operation of the generated client (the overload without a cancellation token), its other parameters left empty.</summary>
    static async Task<object> Call(object client, string operation, params object[] arguments)
    {
        var method = client.GetType().GetMethods().Single(m => m.Name == operation && m.GetParameters().All(p => p.ParameterType != typeof(CancellationToken)));
        var parameters = method.GetParameters();
        // Each argument goes to the first parameter of its type (an operation may take an Idempotency-Key header before its body).
        var args = new object?[parameters.Length];
        foreach (var argument in arguments)
            args[Array.FindIndex(parameters, (p) => args[p.Position] is null && (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsInstanceOfType(argument))] = argument;
        var task = (Task)method.Invoke(client, args)!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
