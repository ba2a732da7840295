using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Wushe.Platform.Files;

namespace Wushe.Platform.Audit;

/// <summary>The platform's own tables: what the audit log says of them.</summary>
sealed class PlatformVocabulary : IAuditVocabulary
{
    public void Describe(AuditVocabulary v)
    {
        // Infrastructure: the trail itself, the data-protection keys, the idempotency records of retried requests.
        v.NotAudited<AuditRecord>();
        v.NotAudited<DataProtectionKey>();

        // An uploaded file is named by nothing it carries: a file name is typed by people and may name a resident.
        v.Entity<StoredFile>("上传文件", "Uploaded file")
            .Area(x => x.AreaCode, "所属区划", "Area")
            .Field(x => x.Kind, "附件类别", "Kind of file")
            .Sensitive(x => x.FileName, "文件名", "File name")
            .Field(x => x.ContentType, "文件类型", "File type")
            .Field(x => x.Length, "大小（字节）", "Size (bytes)")
            .Field(x => x.Content, "文件内容", "Content")
            .Field(x => x.UploadedBy, "上传人", "Uploaded by")
            .Ignore(x => x.UploadedAt);

        v.Enum<AuditAction>(AuditLabels.Action);
        v.Enum<AuditOutcome>(AuditLabels.Outcome);
    }
}
