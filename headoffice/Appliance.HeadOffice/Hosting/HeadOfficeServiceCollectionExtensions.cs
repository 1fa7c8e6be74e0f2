using Appliance.HeadOffice.Branches;
using Appliance.HeadOffice.Database;
using Appliance.HeadOffice.Sync;
using Appliance.HeadOffice.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Appliance.HeadOffice.Hosting;

/// <summary>Registers head office's settings (validated), its PostgreSQL data source and its components.</summary>
public static class HeadOfficeServiceCollectionExtensions
{
    public static IServiceCollection AddHeadOffice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName)).ValidateOnStart();
        services.AddOptions<SyncIngestOptions>().Bind(configuration.GetSection(SyncIngestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncIngestOptions>, SyncIngestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
            builder.ConnectionStringBuilder.CommandTimeout = options.CommandTimeoutSeconds;
            return builder.Build();
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<BranchRegistry>();
        services.AddSingleton<BranchCredentialAuthorizer>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<HeadOfficeSyncService>();
        return services;
    }
}
