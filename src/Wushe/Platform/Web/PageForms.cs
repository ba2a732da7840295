using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Web;

/// <summary>
/// What every page form shares (DONE.md, "Every form"):
/// <list type="bullet">
/// <item>a value that does not parse (2026-02-30, "12a") stays in the ModelState as an error naming
/// the field by its <see cref="LabelAttribute"/> ("建站日期格式不正确"), and the use case does not
/// run (<see cref="IfParsed{T}"/>): nothing is dropped or replaced silently;</item>
/// <item>a request that no handler of the page answers (a POST to a page that only shows, an unknown
/// <c>?handler=</c>) is refused with 405 or 404 instead of rendering the page without its load step;</item>
/// <item>a handler argument that does not parse (a hidden id, a status button) is a 400 naming it.</item>
/// </list>
/// Nothing else puts errors in the ModelState: the use cases validate, so MVC's implicit
/// "required" checks of non-nullable properties (English, unnamed) are off.
/// </summary>
public static class PageForms
{
    /// <summary>The key under which a refused request's messages travel to the error page (same request).</summary>
    public const string MessagesItem = "wushe:bad-request-messages";

    /// <summary>
    /// A page's answer to a use case's failure it has no form to show on (a public page's unknown fund): the failure's status
    /// (404, 409…), with its title shown on the error page (<see cref="MessagesItem"/>) — the words the API's Problem Details carry.
    /// </summary>
    public static IActionResult Refused(this PageModel page, Failure failure)
    {
        page.HttpContext.Items[MessagesItem] = new[] { failure.Title };
        return new StatusCodeResult(Http.Problem(failure).StatusCode);
    }

    public static void Configure(MvcOptions o)
    {
        o.Filters.Add(new UnmatchedHandlerFilter());
        o.Filters.Add(new ListQueries.AreaScopeFilter());
        o.Filters.Add<SubmissionTokenFilter>();
        o.Filters.Add(new ElementLabelFilter());
        o.ModelBinderProviders.Insert(0, new CheckboxBinderProvider());
        o.ModelMetadataDetailsProviders.Add(new LabelMetadataProvider());
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((_, field) => LabelAttribute.NotValid(field));
        m.SetUnknownValueIsInvalidAccessor(LabelAttribute.NotValid);
        m.SetValueMustBeANumberAccessor(field => Lang.T($"{field}必须是数字", $"{field} must be a number"));
        m.SetMissingBindRequiredValueAccessor(field => Lang.T($"{field}不能为空", $"{field} is required"));
        m.SetValueIsInvalidAccessor(ValueNotValid);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(ValueNotValid);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => Lang.T("提交的值格式不正确", "A submitted value is not valid"));
        m.SetNonPropertyValueMustBeANumberAccessor(() => Lang.T("须填写数字", "A number is required"));
        m.SetValueMustNotBeNullAccessor(_ => Lang.T("该项不能为空", "A value is required here"));
        m.SetMissingKeyOrValueAccessor(() => Lang.T("缺少键或值", "A key or value is missing"));
        m.SetMissingRequestBodyRequiredValueAccessor(() => Lang.T("请求内容不能为空", "The request body is required"));
    }

    /// <summary>
    /// Stands for a use case that did not run because submitted values did not parse; their messages
    /// are already in the ModelState beside their fields (<see cref="Http.AddFailure"/> adds nothing for it).
    /// </summary>
    public static readonly Failure Unparsed = Failure.Invalid(new Dictionary<string, string[]>());

    /// <summary>Runs the use case only when every submitted value parsed; otherwise <see cref="Unparsed"/>.</summary>
    public static async Task<Result<T>> IfParsed<T>(this ModelStateDictionary modelState, Func<Task<Result<T>>> useCase) =>
        modelState.IsValid ? await useCase() : Unparsed;

    /// <summary>
    /// Runs the use case only when every submitted value parsed. Otherwise nothing is saved, and the page shows in
    /// one answer both the values that did not parse and what the use case's own pure check (<paramref name="validate"/>,
    /// the <c>Validate</c> its <c>Handle</c> runs first; no database) says of the other fields, named with
    /// <paramref name="prefix"/> ("Input."). A field that did not parse keeps only its parse error.
    /// </summary>
    public static Task<Result<T>> IfParsed<T>(this ModelStateDictionary modelState, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase) =>
        modelState.IfParsed(field => field.Length > 0 ? prefix + Http.FieldKey(field) : "", () => validate().ToFailure().Errors, useCase);

    /// <summary>As above, for a form whose fields map to its keys in its own way (<paramref name="keyOf"/>: rows left out of the request).</summary>
    public static async Task<Result<T>> IfParsed<T>(this ModelStateDictionary modelState, Func<string, string> keyOf,
        Func<IReadOnlyDictionary<string, string[]>?> validate, Func<Task<Result<T>>> useCase)
    {
        if (modelState.IsValid) return await useCase();
        if (validate() is { } errors)
            foreach (var (field, messages) in errors)
            {
                var key = keyOf(field);
                if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
                foreach (var m in messages) modelState.AddModelError(key, m);
            }
        return Unparsed;
    }

    /// <summary>
    /// One of a details page's small forms (a tab's "add", "remove", "record"): refused (403) unless <paramref name="allowed"/>; the use
    /// case run when the values parsed (<see cref="IfParsed{T}(ModelStateDictionary, string, Func{Errors}, Func{Task{Result{T}}})"/>,
    /// or directly with no <paramref name="prefix"/>); done: a toast and back to <paramref name="back"/>; failed: the page again
    /// (<paramref name="reload"/>) with the errors beside the form's fields and <paramref name="keepOpen"/> called so the form stays
    /// open; a record gone meanwhile: 404.
    /// </summary>
    public static async Task<IActionResult> ActAsync<T>(this PageModel page, bool allowed, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase,
        string done, string back, Func<Task<bool>> reload, Action keepOpen)
    {
        if (!allowed) return page.Forbid();
        var result = prefix.Length > 0 ? await page.ModelState.IfParsed(prefix, validate, useCase) : await useCase();
        if (result.IsOk)
        {
            page.TempData["Toast"] = done;
            return new RedirectResult(back);
        }
        if (result.Failure!.Kind == FailureKind.NotFound && !await reload()) return page.NotFound();
        page.ModelState.AddFailure(result.Failure, prefix);
        keepOpen();
        return await reload() ? page.Page() : page.NotFound();
    }

    /// <summary>The messages of values that did not parse, in the order of the form.</summary>
    /// <summary>
    /// A reveal refused on a details page: its errors under "Reveal." beside the field's form; a field the page has no form for (a
    /// tampered post) is said at the top (the page's ModelOnly summary), never lost.
    /// </summary>
    public static void AddRevealFailure(this ModelStateDictionary modelState, Failure failure, string? field, params string[] fields)
    {
        modelState.AddFailure(failure, "Reveal.");
        if (field is null || !fields.Contains(field))
            modelState.AddModelError("", failure.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? failure.Title);
    }

    public static IReadOnlyList<string> Messages(ModelStateDictionary modelState) =>
        modelState.Where(e => e.Value is { Errors.Count: > 0 }).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Where(m => m.Length > 0).Distinct().ToList();

    /// <summary>The label of a property of a type: on the property, or on the positional record parameter of the same name.</summary>
    public static LabelAttribute? LabelOf(Type type, string property)
    {
        if (type.Namespace?.StartsWith("Wushe", StringComparison.Ordinal) != true) return null;
        var onProperty = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase))
            .Select(p => p.GetCustomAttribute<LabelAttribute>()).FirstOrDefault(a => a is not null);
        return onProperty ?? type.GetConstructors().SelectMany(c => c.GetParameters())
            .Where(x => string.Equals(x.Name, property, StringComparison.OrdinalIgnoreCase))
            .Select(x => x.GetCustomAttribute<LabelAttribute>()).FirstOrDefault(a => a is not null);
    }

    /// <summary>A value that did not parse where binding knows no field name (an item of a list: a ticked box's id).</summary>
    static string ValueNotValid(string? value) => Lang.T($"“{value}”格式不正确", $"\"{value}\" is not valid");

    /// <summary>
    /// An item of a list that does not parse ("12a" among the ticked 探访社工) is bound without its field's metadata, so MVC's
    /// message names the value only ("“12a”格式不正确"). Before the handler runs, such a message is told again with the field's
    /// <see cref="LabelAttribute"/>, found from its ModelState key ("Input.SocialWorkers[0]" → the page model's Input → its
    /// SocialWorkers): "探访社工格式不正确" — once for every form.
    /// </summary>
    sealed class ElementLabelFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var state = context.ModelState;
            if (state.IsValid) return;
            foreach (var (key, entry) in state.ToList())
            {
                if (entry is null || !entry.Errors.Any(e => IsValueOnly(e.ErrorMessage))) continue;
                if (LabelOfKey(context, key) is not { } label) continue;
                var messages = entry.Errors.Select(e => IsValueOnly(e.ErrorMessage) ? LabelAttribute.NotValid(label.Text) : e.ErrorMessage).Distinct().ToList();
                entry.Errors.Clear();
                foreach (var message in messages) entry.Errors.Add(message);
            }
        }

        static bool IsValueOnly(string message) =>
            (message.StartsWith('“') && message.EndsWith("”格式不正确", StringComparison.Ordinal))
            || (message.StartsWith('"') && message.EndsWith("\" is not valid", StringComparison.Ordinal));

        /// <summary>The label of the field a ModelState key names: a path through the page model's bound properties or a handler argument.</summary>
        static LabelAttribute? LabelOfKey(PageHandlerExecutingContext context, string key)
        {
            var parts = System.Text.RegularExpressions.Regex.Replace(key, @"\[[^\]]*\]", "").Split('.', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) return null;
            Type? type = context.HandlerInstance.GetType();
            var first = context.HandlerMethod?.MethodInfo.GetParameters().FirstOrDefault(p => string.Equals(p.Name, parts[0], StringComparison.OrdinalIgnoreCase));
            LabelAttribute? label = null;
            if (first is not null)
            {
                label = first.GetCustomAttribute<LabelAttribute>();
                type = ItemType(first.ParameterType);
                parts = parts[1..];
            }
            foreach (var part in parts)
            {
                if (type is null) return null;
                var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
                if (property is null) return null;
                label = LabelOf(type, property.Name);
                type = ItemType(property.PropertyType);
            }
            return label;
        }

        static Type ItemType(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type.IsArray) return type.GetElementType()!;
            return type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? item : type;
        }
    }

    /// <summary>Names fields by their <see cref="LabelAttribute"/>, in the language of the request.</summary>
    sealed class LabelMetadataProvider : IDisplayMetadataProvider
    {
        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            var label = context.Attributes.OfType<LabelAttribute>().FirstOrDefault()
                ?? (context.Key is { MetadataKind: ModelMetadataKind.Property, ContainerType: { } container, Name: { } name } ? LabelOf(container, name) : null)
                ?? context.Key.ParameterInfo?.GetCustomAttribute<LabelAttribute>();
            if (label is not null) context.DisplayMetadata.DisplayName = () => label.Text;
        }
    }

    /// <summary>
    /// A yes/no field sent a value that is neither (a crafted "maybe"): the error names the field as for any other,
    /// and the value kept for the form becomes "false", because a checkbox cannot show "maybe" (the tag helper
    /// would throw while rendering the form back: a 500).
    /// </summary>
    sealed class CheckboxBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool) && context.BindingInfo.BindingSource != BindingSource.Body
                ? new CheckboxBinder(new Microsoft.AspNetCore.Mvc.ModelBinding.Binders.SimpleTypeModelBinder(context.Metadata.ModelType,
                    context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }

    sealed class CheckboxBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.Result.IsModelSet || !context.ModelState.TryGetValue(context.ModelName, out var entry) || entry.Errors.Count == 0) return;
            context.ModelState.SetModelValue(context.ModelName, rawValue: "false", attemptedValue: entry.AttemptedValue);
        }
    }

    /// <summary>
    /// Razor Pages render a page without any handler when none matches the request, skipping the load
    /// step its view needs: a crash. Refuse instead: an unknown named handler is 404; a method the page
    /// has no handler for (a POST to a page that only shows) is 405. Handler arguments that do not parse
    /// are a 400 naming them (their messages go to the error page).
    /// </summary>
    sealed class UnmatchedHandlerFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            var request = context.HttpContext.Request;
            // The error page, re-executed after a failure, answers whatever the failed request was.
            if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null || context.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null) return;
            if (context.HandlerMethod is null)
            {
                if (Named(context)) context.Result = new NotFoundResult();
                else if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
                {
                    var methods = context.ActionDescriptor.HandlerMethods.Select(m => m.HttpMethod.ToUpperInvariant()).Append("GET").Distinct();
                    context.HttpContext.Response.Headers.Allow = string.Join(", ", methods);
                    context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
                }
                return;
            }
            // Razor Pages fall back to the unnamed handler for an unknown name: a typo would run OnPost. Refuse it.
            if (context.HandlerMethod.Name is null && Named(context))
            {
                context.Result = new NotFoundResult();
                return;
            }
            var parameters = context.HandlerMethod.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var bad = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 } && parameters.Contains(e.Key)).SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToList();
            if (bad.Count == 0) return;
            context.HttpContext.Items[MessagesItem] = bad;
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }

        static bool Named(PageHandlerExecutingContext context) =>
            context.RouteData.Values["handler"]?.ToString() is { Length: > 0 } || context.HttpContext.Request.Query["handler"].FirstOrDefault() is { Length: > 0 };
    }
}
