using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Files;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>
/// A case note's attachment is read as the case is read: roles that cannot open the case get 404 for its file even inside
/// the area, and every download of a case file is in the audit log.
/// </summary>
public sealed class CaseFileTests(TestApp app)
{
    [Fact]
    public async Task A_case_file_is_served_only_to_those_who_may_read_the_case_and_each_download_is_audited()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(worker, w.AdultId);
        using var form = new MultipartFormDataContent { { new StringContent("病历复印件，家属同意留存"), "text" } };
        form.Add(new ByteArrayContent(TestImages.Jpeg), "attachment", "病历.jpg");
        using (var r = await worker.PostAsync($"/api/v1/cases/{caseId}/notes", form)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var fileId = await app.Query(db => db.Set<CaseNote>().Where(n => n.CaseId == caseId).Select(n => n.FileId!.Value).SingleAsync());
        Assert.Equal(CaseNote.Attachment.Name, await app.Query(db => db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.Kind).SingleAsync()));

        // Inside the township, but not allowed to open cases: the file is not there for them (API and page route alike).
        foreach (var (role, area) in new[] { (Role.OrganizationStaff, w.Township), (Role.FundCommitteeMember, w.Community), (Role.Volunteer, w.Community) })
        {
            var outsider = await TestUsers.CreateAsync(app, role, area);
            var api = await app.CreateClientAsync(outsider.UserName);
            using (var r = await api.GetAsync($"/api/v1/cases/{caseId}")) Assert.NotEqual(HttpStatusCode.OK, r.StatusCode);
            using (var r = await api.GetAsync($"/api/v1/files/{fileId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            using var browser = await app.CookieClientAsync(outsider.UserName);
            using (var r = await browser.GetAsync($"/files/{fileId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
            if (role != Role.Volunteer) // a volunteer's scope holds no case records at all: nothing there to refuse
                Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.UserId == outsider.Id && a.Action == AuditAction.Download
                    && a.Outcome == AuditOutcome.Denied && a.EntityKey == fileId.ToString())), $"{role}: the refused download is audited");
        }

        // The worker and the station head read it; each download is one audit record naming the file.
        using (var r = await worker.GetAsync($"/api/v1/files/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(Wushe.Platform.Files.ImageMetadata.Strip(TestImages.Jpeg), await r.Content.ReadAsByteArrayAsync());
        }
        using (var head = await app.CookieClientAsync(w.Head.UserName))
        using (var r = await head.GetAsync($"/files/{fileId}"))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var reads = await app.Query(db => db.AuditRecords.Where(a => a.Action == AuditAction.Download && a.Outcome == AuditOutcome.Success
            && a.EntityKey == fileId.ToString()).Select(a => new { a.UserId, a.ObjectName, a.AreaCode }).ToListAsync());
        Assert.Equal(new[] { w.Worker.Id, w.Head.Id }.Order(), reads.Select(a => a.UserId!.Value).Order());
        Assert.All(reads, a => Assert.Equal("病历.jpg", a.ObjectName));
        Assert.All(reads, a => Assert.Equal(w.Community, a.AreaCode));

        // Another township's worker: 404, as for the case itself.
        var elsewhere = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        var other = await app.CreateClientAsync(elsewhere.UserName);
        using (var r = await other.GetAsync($"/api/v1/files/{fileId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public void Every_kind_of_file_names_the_permission_that_reads_it_once()
    {
        Assert.Contains(CaseNote.Attachment.Name, FilesApi.Kinds.Keys);
        Assert.Contains(Wushe.Features.Stations.StandardCheck.Evidence.Name, FilesApi.Kinds.Keys);
        Assert.All(FilesApi.Kinds.Values, k => Assert.InRange(k.Name.Length, 1, 40));
        // The files of case notes are audited on every read; a station's sign photo is not personal data.
        Assert.True(CaseNote.Attachment.AuditReads);
        Assert.Same(CaseworkPermissions.View, CaseNote.Attachment.ReadBy);
    }
}
