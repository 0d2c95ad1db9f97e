import { describePartGetMany } from '../operationTests';

describePartGetMany('shipping');
