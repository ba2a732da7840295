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

    /// <summary>Reads the upload: provinces, cities, areas, streets (each a .csv of at most 20 MB) and an optional mapping.</summary>
    public static async Task<Result<Guid>> Start(IFormFileCollection files, ImportJobs jobs, CurrentUser user)
    {
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
    public static async Task<Result<Guid>> AddMapping(Guid id, IFormFileCollection files, ImportJobs jobs, CurrentUser user)
    {
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
