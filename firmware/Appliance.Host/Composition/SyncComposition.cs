using Appliance.Host.Configuration;
using Appliance.Host.Control;
using Appliance.Host.Hosting;
using Appliance.Storage;
using Appliance.Sync.Outbox;
using Appliance.Sync.Reporting;
using Appliance.Sync.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Host.Composition;

/// <summary>
/// Head-office sync on the box: tickets and transactions with their outbox, the pump that delivers it (Sync:Outbox), and
/// the report service head office pulls from (Sync:ReportService: off by default, on 127.0.0.1 unless configured).
/// </summary>
public static class SyncComposition
{
    /// <summary>Registers the sync components. Needs the <see cref="ApplianceDatabase"/> and a <see cref="TimeProvider"/> registered.</summary>
    public static void AddBranchSync(WebApplicationBuilder builder, ApplianceDataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var services = builder.Services;
        services.AddApplianceOptions<OutboxPumpOptions>(OutboxPumpOptions.SectionName);
        services.AddApplianceOptions<ReportServiceOptions>(ReportServiceOptions.SectionName);
        services.AddApplianceOptions<GrpcClientOptions>(GrpcClientOptions.SectionName);
        services.AddApplianceOptions<GrpcServerOptions>(GrpcServerOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboxPumpOptions>, OutboxPumpOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportServiceOptions>, ReportServiceOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcClientOptions>, GrpcClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServerOptions>, GrpcServerOptionsValidator>());

        services.TryAddSingleton<ProtobufOutboxPayloadEncoder>();
        services.TryAddSingleton<IOutboxPayloadEncoder>(sp => sp.GetRequiredService<ProtobufOutboxPayloadEncoder>());
        services.TryAddSingleton<ICallSummaryEncoder>(sp => sp.GetRequiredService<ProtobufOutboxPayloadEncoder>());
        services.TryAddSingleton(sp => new TicketRepository(sp.GetRequiredService<ApplianceDatabase>(), sp.GetRequiredService<IOutboxPayloadEncoder>()));
        services.TryAddSingleton(sp => new TransactionRepository(sp.GetRequiredService<ApplianceDatabase>(), sp.GetRequiredService<IOutboxPayloadEncoder>()));
        services.TryAddSingleton(sp => new OutboxRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.TryAddSingleton(sp => new EventLogRepository(sp.GetRequiredService<ApplianceDatabase>()));
        services.TryAddSingleton(sp => new CallRecordRepository(sp.GetRequiredService<ApplianceDatabase>()));

        services.AddSingleton(sp => new OutboxPump(
            sp.GetRequiredService<OutboxRepository>(),
            CreateHeadOfficeClient(sp),
            sp.GetRequiredService<IOptions<OutboxPumpOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxPump>>()));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxPump>());
        services.AddSingleton<IStatusSection, OutboxStatusSection>();

        services.AddKpiReports();
        services.AddSingleton<BranchReportService>();
        services.AddSingleton<ReportServerHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportServerHostedService>());
    }

    /// <summary>A client of head office's sync service, or null when no head office is configured.</summary>
    internal static GrpcHeadOfficeSyncClient? CreateHeadOfficeClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<OutboxPumpOptions>>().Value;
        if (options.HeadOfficeAddress.Length == 0)
        {
            return null;
        }

        var grpc = services.GetRequiredService<IOptions<GrpcClientOptions>>().Value;
        var channel = GrpcChannelFactory.Create(
            new Uri(options.HeadOfficeAddress),
            grpc,
            options.HeadOfficeCertificateSha256.Length > 0 ? CertificatePin.Validator(options.HeadOfficeCertificateSha256) : null);
        return new GrpcHeadOfficeSyncClient(channel, grpc, options.BranchId, options.BranchKey, TimeSpan.FromSeconds(options.PushTimeoutSeconds));
    }

    /// <summary>"outbox" in `appliance status`.</summary>
    private sealed class OutboxStatusSection(OutboxPump pump) : IStatusSection
    {
        public string Name => "outbox";

        public object GetStatus() => pump.GetStatus();
    }
}
