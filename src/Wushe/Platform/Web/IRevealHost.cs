namespace Wushe.Platform.Web;

/// <summary>
/// A details page that shows masked values with the reveal form of <c>Features/Shared/_Reveal.cshtml</c>: the record's id (the form
/// posts to the page's <c>Reveal</c> handler with <c>Reveal.Field</c> and <c>Reveal.Reason</c>), whether the user may reveal, the
/// value shown after a reveal, the form left open with its errors.
/// </summary>
public interface IRevealHost
{
    Guid Id { get; }
    bool CanReveal { get; }
    /// <summary>"reveal-" + the field whose form failed (open, with its errors), else null.</summary>
    string? Open { get; }
    /// <summary>The field's full value after a successful reveal, else null.</summary>
    string? Shown(string field);
    /// <summary>"is-invalid" when the model state holds an error for <paramref name="key"/>.</summary>
    string Invalid(string key);
}
