-- Argo CD health check for skillsync.dev/Skill, read from the Skill's spec.suspend, status.observedGeneration and
-- its Ready, Reconciling and Stalled conditions. Written for Lua 5.1, the dialect Argo CD runs.
local hs = {}

local function findCondition(conditions, conditionType)
  if conditions == nil then
    return nil
  end
  for _, condition in ipairs(conditions) do
    if condition.type == conditionType then
      return condition
    end
  end
  return nil
end

local function isTrue(condition)
  return condition ~= nil and condition.status == "True"
end

-- The condition's message, else its reason, else the fallback.
local function describe(condition, fallback)
  if condition ~= nil then
    if condition.message ~= nil and condition.message ~= "" then
      return condition.message
    end
    if condition.reason ~= nil and condition.reason ~= "" then
      return condition.reason
    end
  end
  return fallback
end

if obj.spec ~= nil and obj.spec.suspend == true then
  hs.status = "Suspended"
  hs.message = "Suspended: spec.suspend is true, so the operator makes no calls to the Skills API"
  return hs
end

local status = obj.status or {}
local ready = findCondition(status.conditions, "Ready")
local reconciling = findCondition(status.conditions, "Reconciling")
local stalled = findCondition(status.conditions, "Stalled")
local generation = obj.metadata.generation or 0
local observedGeneration = status.observedGeneration or 0

if observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to handle generation " .. generation
  return hs
end
if ready == nil or ready.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = describe(ready, "Waiting for the first sync")
  return hs
end
if isTrue(reconciling) then
  hs.status = "Progressing"
  hs.message = describe(reconciling, "Reconciling")
  return hs
end
if isTrue(stalled) then
  hs.status = "Degraded"
  hs.message = describe(stalled, describe(ready, "Stalled"))
  return hs
end
if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = describe(ready, "Synced")
  return hs
end
hs.status = "Degraded"
hs.message = describe(ready, "Not ready")
return hs
