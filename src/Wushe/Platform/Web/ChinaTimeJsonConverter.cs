using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wushe.Platform.Web;

/// <summary>
/// How <c>/api/v1</c> reads an instant (<see cref="DateTimeOffset"/>) from JSON — the same rule as the pages' forms
/// (<see cref="ChinaTime.FromLocal(DateTime)"/>): an ISO 8601 time with an offset or <c>Z</c> is honoured
/// ("2026-12-10T09:00:00+08:00" is 01:00 UTC); one without an offset is China time ("2026-12-10T09:00" is 09:00 in China, not the
/// server's zone). Read values are UTC. Anything else is a JSON error (400 naming the field). Written as the default ISO 8601.
/// </summary>
public sealed class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("A time is an ISO 8601 string.");
        // Without an offset the reader's DateTime is Unspecified; with one, Local or Utc (then read as the offset says).
        if (reader.TryGetDateTime(out var time) && time.Kind == DateTimeKind.Unspecified) return ChinaTime.FromLocal(time);
        if (reader.TryGetDateTimeOffset(out var instant)) return instant.ToUniversalTime();
        throw new JsonException("A time is an ISO 8601 string: yyyy-MM-ddTHH:mm[:ss] in China time, or with an offset (+08:00, Z).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
