import CostPlan
