#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Build, test, run, benchmark or publish the appliance: a thin wrapper over the same dotnet commands CI uses.

.DESCRIPTION
    ./build.ps1 build                  dotnet build Appliance.sln
    ./build.ps1 test [args]            dotnet test Appliance.sln [args]            e.g. --filter FullyQualifiedName~Host
    ./build.ps1 run [args]             dotnet run the appliance [args]             e.g. --data ./data  or  status --data ./data
    ./build.ps1 bench [args]           dotnet run -c Release the benchmarks [args] e.g. --filter *Startup*
    ./build.ps1 publish [rid ...]      self-contained build per runtime into artifacts/publish/<rid>
                                       (default: linux-x64 linux-arm64)

    Anything after the target is passed through unchanged. The exit code is dotnet's.
#>
# No [Parameter()]/[CmdletBinding()] on purpose: that would make this an advanced script, which rejects the
# pass-through arguments (--data, --filter ...) instead of leaving them in $args.
param(
    [ValidateSet('build', 'test', 'run', 'bench', 'publish')]
    [string] $Target = 'build'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$solution = Join-Path $root 'Appliance.sln'
$hostProject = Join-Path $root 'firmware/Appliance.Host/Appliance.Host.csproj'
$benchmarks = Join-Path $root 'tests/Appliance.Benchmarks/Appliance.Benchmarks.csproj'
$passThrough = @($args)

function Invoke-Dotnet([string[]] $Arguments) {
    # Show the exact command so a technician can repeat it without this script.
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        exit $LASTEXITCODE
    }
}

switch ($Target) {
    'build' {
        Invoke-Dotnet (@('build', $solution) + $passThrough)
    }
    'test' {
        Invoke-Dotnet (@('test', $solution) + $passThrough)
    }
    'run' {
        Invoke-Dotnet (@('run', '--project', $hostProject, '--') + $passThrough)
    }
    'bench' {
        Invoke-Dotnet (@('run', '-c', 'Release', '--project', $benchmarks, '--') + $passThrough)
    }
    'publish' {
        $runtimes = if ($passThrough.Count -gt 0) { $passThrough } else { @('linux-x64', 'linux-arm64') }
        foreach ($runtime in $runtimes) {
            $output = Join-Path $root "artifacts/publish/$runtime"
            Invoke-Dotnet @('publish', $hostProject, '-c', 'Release', '-r', $runtime, '--self-contained', '-o', $output)
            Write-Host "published $runtime to $output"
        }
    }
}
