using Appliance.Core.Campaigns;
using Appliance.Core.Directory;
using Appliance.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Appliance.Host.Control.Internal;

/// <summary>
/// The campaigns of the control API: create, import a CSV list (all or nothing, the bad line named), start, pause,
/// status, preview accept/skip, a contact's result code, and the do-not-call list. Bad input is refused (400) naming
/// what is wrong, and changes nothing.
/// </summary>
internal static class CampaignsApi
{
    private const string LogCategory = "Appliance.Host.Control.Campaigns";
    private const int MaxListBytes = 16 * 1024 * 1024;

    public static RouteGroupBuilder MapCampaignsApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/campaigns", CreateAsync);
        v1.MapPost("/campaigns/dnc", AddDoNotCallAsync);
        v1.MapPost("/campaigns/{name}/contacts", ImportAsync);
        v1.MapPost("/campaigns/{name}/start", (string name, HttpContext context) => ChangeAsync(context, name, (d, n) => d.StartAsync(n)));
        v1.MapPost("/campaigns/{name}/pause", (string name, HttpContext context) => ChangeAsync(context, name, (d, n) => d.PauseAsync(n)));
        v1.MapPost("/campaigns/{name}/accept", (string name, HttpContext context) => ChangeAsync(context, name, (d, n) => d.AnswerOfferAsync(n, true)));
        v1.MapPost("/campaigns/{name}/skip", (string name, HttpContext context) => ChangeAsync(context, name, (d, n) => d.AnswerOfferAsync(n, false)));
        v1.MapPost("/campaigns/{name}/result", SetResultAsync);
        v1.MapGet("/campaigns/{name}", StatusAsync);
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, ILoggerFactory loggers)
    {
        var (request, problem) = await ReadAsync<CampaignCreateRequest>(context);
        var services = context.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        CampaignRecord? campaign = null;
        problem ??= CampaignRequestValidation.Validate(request!, out campaign, now);
        if (problem is null && services.GetRequiredService<ICallCenterDirectory>().Queue(campaign!.Queue) is null)
        {
            problem = $"queue '{campaign.Queue}' does not exist";
        }

        if (problem is null)
        {
            try
            {
                services.GetRequiredService<CampaignRepository>().Create(campaign!);
                await services.GetRequiredService<CampaignDialler>().AddAsync(campaign!);
                CampaignApiLog.Changed(loggers.CreateLogger(LogCategory), campaign!.Name, "created");
                return TypedResults.Json(campaign, ControlJson.Options);
            }
            catch (StorageException ex) when (ex.Failure is StorageFailure.Conflict or StorageFailure.InvalidRecord)
            {
                problem = ex.Message;
            }
        }

        return Refuse(loggers, problem);
    }

    private static async Task<IResult> ImportAsync(string name, HttpContext context, ILoggerFactory loggers)
    {
        var services = context.RequestServices;
        var repository = services.GetRequiredService<CampaignRepository>();
        if (repository.Get(name) is null)
        {
            return Refuse(loggers, $"there is no campaign '{name}'");
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > MaxListBytes)
        {
            return Refuse(loggers, $"the list is larger than {MaxListBytes / (1024 * 1024)} MB");
        }

        try
        {
            var list = CampaignCsv.Read(body.GetBuffer().AsSpan(0, (int)body.Length), repository.DoNotCall());
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var contacts = list.Rows.Select(r => new CampaignContactRecord(name, r.Number, r.Name, r.Line, 0, now, null, null, false)).ToList();
            repository.AddContacts(name, contacts);
            await services.GetRequiredService<CampaignDialler>().AddContactsAsync(name, contacts);
            CampaignApiLog.Imported(loggers.CreateLogger(LogCategory), name, contacts.Count, list.SkippedDoNotCall, list.Encoding);
            return TypedResults.Json(new CampaignImportResult(contacts.Count, list.SkippedDoNotCall, list.Encoding), ControlJson.Options);
        }
        catch (CampaignImportException ex)
        {
            return Refuse(loggers, ex.Message + "; nothing was imported");
        }
        catch (StorageException ex) when (ex.Failure is StorageFailure.Conflict or StorageFailure.InvalidRecord)
        {
            return Refuse(loggers, ex.Message);
        }
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string name, Func<CampaignDialler, string, Task<string?>> change)
    {
        var loggers = context.RequestServices.GetRequiredService<ILoggerFactory>();
        var dialler = context.RequestServices.GetRequiredService<CampaignDialler>();
        if (await change(dialler, name) is { } problem)
        {
            return Refuse(loggers, problem);
        }

        return TypedResults.Json(await dialler.StatusAsync(name), ControlJson.Options);
    }

    private static async Task<IResult> SetResultAsync(string name, HttpContext context)
    {
        var (request, problem) = await ReadAsync<CampaignContactRequest>(context);
        var number = request is null ? null : CampaignCsv.Normalize(request.Number);
        problem ??= number is null ? $"number '{request!.Number}' is not 3 to 20 digits"
            : !CampaignRequestValidation.IsCode(request!.Code) ? $"result code '{request.Code}' must be 1-64 letters, digits, '.', '_' or '-'"
            : null;
        return problem is not null
            ? Refuse(context.RequestServices.GetRequiredService<ILoggerFactory>(), problem)
            : await ChangeAsync(context, name, (d, n) => d.SetResultAsync(n, number!, request!.Code!));
    }

    private static async Task<IResult> AddDoNotCallAsync(HttpContext context, ILoggerFactory loggers)
    {
        var (request, problem) = await ReadAsync<CampaignContactRequest>(context);
        var number = request is null ? null : CampaignCsv.Normalize(request.Number);
        if (problem is not null || number is null)
        {
            return Refuse(loggers, problem ?? $"number '{request!.Number}' is not 3 to 20 digits");
        }

        context.RequestServices.GetRequiredService<CampaignRepository>().AddDoNotCall(number, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        await context.RequestServices.GetRequiredService<CampaignDialler>().AddDoNotCallAsync(number);
        CampaignApiLog.Changed(loggers.CreateLogger(LogCategory), "dnc", "number added");
        return TypedResults.Json(new CampaignContactRequest(number), ControlJson.Options);
    }

    private static async Task<IResult> StatusAsync(string name, HttpContext context, ILoggerFactory loggers) =>
        await context.RequestServices.GetRequiredService<CampaignDialler>().StatusAsync(name) is { } status
            ? TypedResults.Json(status, ControlJson.Options)
            : TypedResults.Problem($"there is no campaign '{name}'", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Refuse(ILoggerFactory loggers, string problem)
    {
        CampaignApiLog.Refused(loggers.CreateLogger(LogCategory), problem);
        return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
    }

    private static Task<(T? Request, string? Problem)> ReadAsync<T>(HttpContext context)
        where T : class =>
        ControlRequestBody.ReadAsync<T>(context, "the request body is empty", "the request body is not valid");
}
