using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>
/// Upload the four division CSV files (and optionally an old → new code mapping); poll the job for
/// progress and the result; confirm a plan that asks for it.
/// </summary>
public static class ImportDivisions
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The form field of the optional mapping file (<see cref="CodeMapping"/>).</summary>
    public const string MappingField = "mapping";

    /// <summary>
    /// The upload's form fields as the API document shows them (multipart/form-data): the four division lists and the
    /// optional old → new code mapping (<see cref="CodeMapping"/>), each a .csv of at most 20 MB. <see cref="Start"/> reads
    /// the files by these field names (or, failing a field, by their file names).
    /// </summary>
    public static readonly UploadField[] UploadFields =
    [
        .. DivisionList.FileNames.Select(name => new UploadField(Path.GetFileNameWithoutExtension(name), true, $"{name}，不超过 20 MB · {name}, at most 20 MB")),
        new(MappingField, false, $"可选：新旧代码对照表 {CodeMapping.FileName}（CSV：old,new）· Optional: the old → new code mapping (CSV old,new)"),
    ];

    /// <summary>The form of <see cref="AddMapping"/>: the old → new code mapping, field <c>mapping</c>.</summary>
    public static readonly UploadField[] MappingFields =
        [new(MappingField, true, $"新旧代码对照表 {CodeMapping.FileName}（CSV：old,new）· The old → new code mapping (CSV old,new)")];

    /// <summary>The files of a request's form; null when the request is no form (then the use cases answer invalid).</summary>
    public static async Task<IFormFileCollection?> FilesOf(HttpRequest request) =>
        request.HasFormContentType ? (await request.ReadFormAsync(request.HttpContext.RequestAborted)).Files : null;

    static Failure NotAForm(string field) =>
        Failure.Invalid(field, Lang.T("请以 multipart/form-data 上传文件", "Upload the files as multipart/form-data"));

    /// <summary>
    /// Reads the upload: provinces, cities, areas, streets (each a .csv of at most 20 MB) and an optional mapping.
    /// Failures: invalid (no form; a file missing, not .csv or too large: by field).
    /// </summary>
    public static async Task<Result<Guid>> Start(IFormFileCollection? files, ImportJobs jobs, CurrentUser user)
    {
        if (files is null) return NotAForm("");
        var errors = new Errors();
        var contents = new Dictionary<string, byte[]>();
        foreach (var name in DivisionList.FileNames)
        {
            var field = Path.GetFileNameWithoutExtension(name);
            var file = files.GetFile(field) ?? files.FirstOrDefault(f => string.Equals(f.FileName, name, StringComparison.OrdinalIgnoreCase));
            if (file is null) { errors.Add(field, Lang.T($"请上传 {name}", $"Please upload {name}")); continue; }
            if (await Read(file, field, errors) is { } bytes) contents[name] = bytes;
        }
        var mapping = files.GetFile(MappingField) is { } m ? await Read(m, MappingField, errors) : null;
        if (errors.Any) return errors.ToFailure();
        return jobs.Start(contents, mapping, user);
    }

    /// <summary>A new job over the files of one waiting for confirmation, with a mapping added.</summary>
    /// <remarks>Failures: not found (no such job); invalid (no form, or no usable mapping file); conflict (the job waits for no confirmation).</remarks>
    public static async Task<Result<Guid>> AddMapping(Guid id, IFormFileCollection? files, ImportJobs jobs, CurrentUser user)
    {
        if (files is null) return NotAForm(MappingField);
        if (jobs.Get(id) is null) return Failure.NotFound();
        var errors = new Errors();
        var file = files.GetFile(MappingField);
        if (file is null) errors.Add(MappingField, Lang.T($"请上传新旧代码对照表 {CodeMapping.FileName}", $"Please upload the old → new code mapping {CodeMapping.FileName}"));
        var bytes = file is null ? null : await Read(file, MappingField, errors);
        if (errors.Any) return errors.ToFailure();
        return jobs.Restart(id, bytes!, user) is { } restarted ? restarted
            : Failure.Conflict(Lang.T("该导入不在等待确认状态，请重新上传文件", "This import is not waiting for confirmation; upload the files again"));
    }

    public static Result<Guid> Confirm(Guid id, ImportJobs jobs, CurrentUser user)
    {
        if (jobs.Get(id) is null) return Failure.NotFound();
        return jobs.Confirm(id, user) ? id
            : Failure.Conflict(Lang.T("该导入不在等待确认状态，无需确认", "This import is not waiting for confirmation"));
    }

    static async Task<byte[]?> Read(IFormFile file, string field, Errors errors)
    {
        if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.Length > MaxFileBytes)
        {
            errors.Add(field, Lang.T("请上传大小不超过 20MB、格式为 csv 的文件", "Please upload a csv file of at most 20 MB"));
            return null;
        }
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms);
        return ms.ToArray();
    }
}
